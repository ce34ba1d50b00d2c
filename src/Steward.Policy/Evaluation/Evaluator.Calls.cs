using Steward.Policy.Builtins;
using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private bool EvalCall(CCall call, Value?[] frame, Func<Value, bool> k)
    {
        if (call.Builtin == SpecialBuiltins.Print)
        {
            Print(call, frame);
            return k(BooleanValue.True);
        }

        return EvalItems(call.Args, 0, new Value[call.Args.Length], frame, args =>
        {
            if (_mocks is not null && _mocks.TryGetValue(call.Name, out var mock))
            {
                return CallMock(call, mock, args, k);
            }

            if (call.Function is not null)
            {
                var result = CallFunction(call.Function, args);
                return result is null || k(result);
            }

            if (call.Builtin!.Relation is { } relation)
            {
                foreach (var item in CallRelation(call, relation, [.. args]))
                {
                    if (!k(item))
                    {
                        return false;
                    }
                }

                return true;
            }

            var value = CallBuiltin(call, args);
            return value is null || k(value);
        });
    }

    private bool CallMock(CCall call, object mock, Value[] args, Func<Value, bool> k)
    {
        switch (mock)
        {
            case Value constant:
                return k(constant);
            case RuleNode function:
            {
                // A replacement function sees the original of what it replaces (and no other mock).
                var saved = _mocks;
                _mocks = null;
                Value? result;
                try
                {
                    result = CallFunction(function, args);
                }
                finally
                {
                    _mocks = saved;
                }

                return result is null || k(result);
            }

            case Builtin builtin:
            {
                var value = CallBuiltin(new CCall(builtin.Name, builtin, null, call.Args) { Location = call.Location }, args);
                return value is null || k(value);
            }

            default:
                return true;
        }
    }

    private IEnumerable<Value> CallRelation(CCall call, BuiltinRelation relation, Value[] args)
    {
        try
        {
            return relation(_builtinContext, args).ToList();
        }
        catch (BuiltinException e)
        {
            if (_options.StrictBuiltinErrors)
            {
                throw new RegoEvalException(new RegoError(e.Code, $"{call.Name}: {e.Message}", null, call.Location.Line, call.Location.Column));
            }

            return [];
        }
    }

    private Value? CallBuiltin(CCall call, ReadOnlySpan<Value> args)
    {
        try
        {
            return call.Builtin!.Function!(_builtinContext, args);
        }
        catch (BuiltinException e)
        {
            if (_options.StrictBuiltinErrors)
            {
                throw new RegoEvalException(new RegoError(e.Code, $"{call.Name}: {e.Message}", null, call.Location.Line, call.Location.Column));
            }

            return null;
        }
    }

    /// <summary>Calls a function rule: every definition whose parameters unify with the arguments contributes its value.</summary>
    private Value? CallFunction(RuleNode node, ReadOnlySpan<Value> args)
    {
        if (++_depth > MaxDepth)
        {
            throw new RegoEvalException(ErrorCodes.EvalBuiltin, $"{node.DottedPath}: call depth exceeds {MaxDepth}");
        }

        try
        {
            return CallFunctionCore(node, args);
        }
        finally
        {
            _depth--;
        }
    }

    private Value? CallFunctionCore(RuleNode node, ReadOnlySpan<Value> args)
    {
        if (node.StraightFunction is { } straight)
        {
            return CallStraight(node, straight, args);
        }

        var collector = FunctionCollectorAt(_depth);
        try
        {
            foreach (var rule in node.Rules)
            {
                for (var r = rule; r is not null; r = r.Else)
                {
                    var frame = RentFrame(r.SlotCount);
                    collector.Start(r, frame);
                    if (SimpleParameters(r.Parameters))
                    {
                        if (BindParameters(r.Parameters, args, frame))
                        {
                            RunBody(r, frame, collector.OnBody, collector.OnValue);
                        }
                    }
                    else
                    {
                        UnifyArgs(r.Parameters, args.ToArray(), 0, frame, BodyThen(r.Body, frame, collector.OnBody));
                    }

                    ReturnFrame(frame);
                    if (collector.Any)
                    {
                        break;
                    }
                }
            }

            return CallDefault(node, collector.Result);
        }
        finally
        {
            collector.Clear();
        }
    }

    private Func<bool> BodyThen(CLiteral[] body, Value?[] frame, Func<bool> k) => () => EvalBody(body, 0, frame, k);

    private Value? CallDefault(RuleNode node, Value? result) => result is null && node.Default is not null ? DefaultValue(node.Default) : result;

    private Value? DefaultValue(CRule rule)
    {
        Value? result = null;
        var frame = new Value?[rule.SlotCount];
        EvalTerm(rule.Value!, frame, v =>
        {
            result = v;
            return false;
        });
        return result;
    }

    private bool UnifyArgs(CTerm[] parameters, Value[] args, int index, Value?[] frame, Func<bool> k) =>
        index == parameters.Length ? k() : Unify(parameters[index], args[index], frame, () => UnifyArgs(parameters, args, index + 1, frame, k));

    private void Print(CCall call, Value?[] frame)
    {
        var parts = new List<string>(call.Args.Length);
        foreach (var arg in call.Args)
        {
            var values = new List<Value>();
            EvalTerm(arg, frame, v =>
            {
                values.Add(v);
                return true;
            });
            parts.Add(values.Count == 0 ? "<undefined>" : string.Join(", ", values.Select(v => v is StringValue s ? s.Value : v.ToString())));
        }

        _options.Print?.Invoke(string.Join(' ', parts));
    }

    /// <summary>Evaluates a literal with its <c>with</c> modifiers in force; the rest of the body runs without them.</summary>
    private bool EvalWith(CLiteral literal, Value?[] frame, Func<bool> k)
    {
        var values = new Value[literal.With.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var with = literal.With[i];
            if (with.Replacement is not null)
            {
                values[i] = null!;
                continue;
            }

            if (!TryEvalSingle(with.Value, frame, out var v))
            {
                Value? first = null;
                EvalTerm(with.Value, frame, x =>
                {
                    first = x;
                    return false;
                });
                v = first;
            }

            if (v is null)
            {
                return true;
            }

            values[i] = v;
        }

        var outer = (_input, _data, _overrides, _mocks, _cache);
        var inner = outer;
        inner._cache = null;
        for (var i = 0; i < values.Length; i++)
        {
            var with = literal.With[i];
            switch (with.Kind)
            {
                case WithKind.Input:
                    inner._input = Documents.Upsert(inner._input, with.Path, values[i]);
                    break;
                case WithKind.Data:
                    if (TouchesRules(with.Path))
                    {
                        inner._overrides = [.. inner._overrides ?? [], (with.Path, values[i])];
                    }
                    else
                    {
                        inner._data = Documents.Upsert(inner._data, with.Path, values[i]);
                    }

                    break;
                default:
                    inner._mocks = new Dictionary<string, object>(inner._mocks ?? [], StringComparer.Ordinal)
                    {
                        [with.FunctionName] = with.Replacement ?? values[i],
                    };
                    break;
            }
        }

        Apply(inner);
        try
        {
            return EvalLiteralPlain(literal, frame, () =>
            {
                var saved = (_input, _data, _overrides, _mocks, _cache);
                Apply(outer);
                try
                {
                    return k();
                }
                finally
                {
                    Apply(saved);
                }
            });
        }
        finally
        {
            Apply(outer);
        }
    }

    private void Apply((Value? Input, Value Data, List<(string[] Path, Value Value)>? Overrides, Dictionary<string, object>? Mocks, NodeMap<Value>? Cache) state)
    {
        (_input, _data, _overrides, _mocks, _cache) = state;
    }

    private bool TouchesRules(string[] path)
    {
        var node = _policy.Tree.Root;
        foreach (var key in path)
        {
            if (node.Kind != RuleKind.None)
            {
                return true;
            }

            if (!node.Children.TryGetValue(key, out node!))
            {
                return false;
            }
        }

        return node.HasRules;
    }
}
