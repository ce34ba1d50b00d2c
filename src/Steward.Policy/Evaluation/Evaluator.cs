using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>
/// Top-down evaluation with backtracking, as OPA's: each body literal enumerates its solutions and calls a
/// continuation for the rest of the body; a continuation returns false to stop the enumeration. Variable
/// bindings live in a frame of slots and are undone as the continuation returns.
/// </summary>
internal sealed partial class Evaluator
{
    private static readonly Value Undefined = new StringValue("\u0000undefined");
    private static readonly Value InProgress = new StringValue("\u0000in progress");
    [ThreadStatic]
    private static Evaluator? t_idle;

    private CompiledPolicy _policy;
    private EvalOptions _options;
    private BuiltinContext _builtinContext;
    private long _deadline;
    private Value? _input;
    private Value _data;
    private NodeMap<Value>? _cache;
    private NodeMap<IReadOnlyList<Value>>? _order;
    private SharedTable? _shared;
    private Value? _sharedFor;
    private Dictionary<string, object>? _mocks;
    private List<(string[] Path, Value Value)>? _overrides;
    private const int MaxDepth = 400;
    private int _steps;
    private int _depth;
    private Value[] _scratch = [];
    private int _scratchTop;
    private int[] _inlineSlots = [];
    private int _inlineTop;
    private Func<bool>? _onFirst;
    private Value?[] _firstFrame = [];
    private CVar? _firstCapture;
    private Value? _first;

    private Evaluator(CompiledPolicy policy, EvalOptions options)
    {
        _policy = policy;
        _options = options;
        _data = ObjectValue.Empty;
        _builtinContext = null!;
        Start(policy, options);
    }

    private void Start(CompiledPolicy policy, EvalOptions options)
    {
        _policy = policy;
        _options = options;
        _input = options.Input;
        _data = options.Data ?? ObjectValue.Empty;
        if (_builtinContext is null || !_builtinContext.IsUnusedFor(options.Time, options.CancellationToken))
        {
            _builtinContext = new BuiltinContext(options.Time, options.CancellationToken);
        }

        _deadline = options.Timeout is { } timeout ? options.Time.GetTimestamp() + (long)(timeout.TotalSeconds * options.Time.TimestampFrequency) : long.MaxValue;
    }

    /// <summary>
    /// An evaluator for one query. The previous query's evaluator on this thread is reused when it finished
    /// normally, so its frame pool, continuation collectors and scratch stacks are not allocated again for every
    /// decision; a query that runs inside another (a built-in evaluating a policy) gets a fresh one.
    /// </summary>
    private static Evaluator Rent(CompiledPolicy policy, EvalOptions options)
    {
        var idle = t_idle;
        if (idle is null)
        {
            return new Evaluator(policy, options);
        }

        t_idle = null;
        idle.Start(policy, options);
        return idle;
    }

    /// <summary>Puts the evaluator back after a query that completed (not after an exception: its state may be mid-way).</summary>
    private void Release()
    {
        _input = null;
        _data = ObjectValue.Empty;
        _overrides = null;
        _mocks = null;
        _shared = null;
        _sharedFor = null;
        _steps = 0;
        _depth = 0;
        _chainDepth = 0;
        _multiDepth = 0;
        _inlineTop = 0;
        _scratchTop = 0;
        _bodyRestTop = 0;
        _comprehensionDepth = 0;
        _cache = _cache is not null && _cache.TryClear(_policy.Tree.NodeCount) ? _cache : null;
        _order = _order is not null && _order.TryClear(_policy.Tree.NodeCount) ? _order : null;
        _policy = null!;
        _options = null!;
        t_idle = this;
    }

    public static IReadOnlyList<QueryResult> Run(CompiledPolicy policy, CompiledQuery query, EvalOptions options)
    {
        var evaluator = Rent(policy, options);
        var frame = new Value?[query.SlotCount];
        var results = new List<QueryResult>();
        evaluator.EvalBody(query.Body, 0, frame, () =>
        {
            var bindings = new Dictionary<string, Value>(query.Variables.Length, StringComparer.Ordinal);
            foreach (var (name, slot) in query.Variables)
            {
                if (frame[slot] is { } v)
                {
                    bindings[name] = v;
                }
            }

            var expressions = new Value[query.ExpressionTerms.Length];
            for (var i = 0; i < expressions.Length; i++)
            {
                expressions[i] = query.ExpressionTerms[i] is CVar capture && frame[capture.Slot] is { } captured ? captured : BooleanValue.True;
            }

            results.Add(new QueryResult(bindings, expressions));
            return true;
        });
        evaluator.Release();
        return results;
    }

    public static Value? RunFirst(CompiledPolicy policy, CompiledQuery query, EvalOptions options)
    {
        var evaluator = Rent(policy, options);
        var frame = evaluator.RentFrame(query.SlotCount);
        evaluator._firstFrame = frame;
        evaluator._firstCapture = query.ExpressionTerms.Length > 0 ? query.ExpressionTerms[0] as CVar : null;
        evaluator._first = null;
        evaluator.EvalBody(query.Body, 0, frame, evaluator._onFirst ??= evaluator.TakeFirst);
        var first = evaluator._first;
        evaluator._first = null;
        evaluator._firstFrame = [];
        evaluator.ReturnFrame(frame);
        evaluator.Release();
        return first;
    }

    /// <summary>The continuation of <see cref="RunFirst"/>: keeps the first solution's value and stops (a delegate made once per evaluator).</summary>
    private bool TakeFirst()
    {
        _first = _firstCapture is null ? BooleanValue.True : _firstFrame[_firstCapture.Slot];
        return false;
    }

    /// <summary>Counts a step; every 256th checks cancellation and the time limit (kept small so it inlines).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Tick()
    {
        if ((++_steps & 255) == 0)
        {
            CheckLimits();
        }
    }

    private void CheckLimits()
    {
        if (_options.CancellationToken.IsCancellationRequested)
        {
            throw new RegoEvalException(ErrorCodes.EvalCancel, "caller cancelled query execution");
        }

        if (_deadline != long.MaxValue && _options.Time.GetTimestamp() > _deadline)
        {
            throw new RegoEvalException(ErrorCodes.EvalCancel, $"evaluation exceeded its time limit of {_options.Timeout!.Value.TotalMilliseconds} ms");
        }
    }

    private bool EvalBody(CLiteral[] body, int index, Value?[] frame, Func<bool> k)
    {
        var mark = _inlineTop;
        try
        {
            return EvalBodyFrom(body, index, frame, k);
        }
        finally
        {
            while (_inlineTop > mark)
            {
                frame[_inlineSlots[--_inlineTop]] = null;
            }
        }
    }

    /// <summary>
    /// The body of <see cref="EvalBody"/>, whose caller undoes the inline bindings (the loop stays out of the try
    /// block so that the runtime tiers it up with its profile, as <see cref="RunLoopsFrom"/>).
    /// </summary>
    private bool EvalBodyFrom(CLiteral[] body, int index, Value?[] frame, Func<bool> k)
    {
        // Literals that hold or fail without enumerating (tests, and assignments of one value) run inline;
        // only the first literal that may produce several solutions takes a continuation.
        while (index < body.Length)
        {
            Tick();
            var literal0 = body[index];
            var inline = literal0.Inline is { } compiled ? compiled(this, frame) : TryInline(literal0, frame);
            if (inline == Inline.Fail)
            {
                return true;
            }

            if (inline == Inline.NotInline)
            {
                break;
            }

            index++;
        }

        if (index == body.Length)
        {
            return k();
        }

        var literal = body[index];
        if (index + 1 == body.Length)
        {
            return EvalLiteral(literal, frame, k);
        }

        var rest = RentBodyRest(body, index + 1, frame, k);
        try
        {
            return EvalLiteral(literal, frame, rest.Invoke);
        }
        finally
        {
            ReturnBodyRest(rest);
        }
    }

    /// <summary>What running a literal inline did: it held, it failed, or it needs enumeration.</summary>
    internal enum Inline
    {
        Pass,
        Fail,
        NotInline,
    }

    private Inline TryInline(CLiteral literal, Value?[] frame)
    {
        if (literal.With.Length > 0)
        {
            return Inline.NotInline;
        }

        switch (literal.Expr)
        {
            case CTermExpr t:
                if (!TryEvalSingle(t.Term, frame, out var value))
                {
                    return Inline.NotInline;
                }

                var holds = value is not null && !value.IsFalse;
                return holds != literal.Negated ? Inline.Pass : Inline.Fail;
            case CUnify u:
            {
                var left = u.Left is CVar lv && frame[lv.Slot] is null ? lv : null;
                var right = u.Right is CVar rv && frame[rv.Slot] is null ? rv : null;
                if (left is not null && right is not null)
                {
                    return Inline.NotInline;
                }

                if (left is not null || right is not null)
                {
                    if (literal.Negated || !TryEvalSingle(left is null ? u.Left : u.Right, frame, out var other))
                    {
                        return Inline.NotInline;
                    }

                    if (other is null)
                    {
                        return Inline.Fail;
                    }

                    var slot = (left ?? right)!.Slot;
                    Bind(frame, slot, other);
                    if (_inlineTop == _inlineSlots.Length)
                    {
                        Array.Resize(ref _inlineSlots, Math.Max(8, _inlineSlots.Length * 2));
                    }

                    _inlineSlots[_inlineTop++] = slot;
                    return Inline.Pass;
                }

                if (u.Left is CArray or CObject || u.Right is CArray or CObject || SpeculationUnsafe(u)
                    || !TryEvalSingle(u.Left, frame, out var a) || !TryEvalSingle(u.Right, frame, out var b))
                {
                    return Inline.NotInline;
                }

                var equal = a is not null && b is not null && a.Equals(b);
                return equal != literal.Negated ? Inline.Pass : Inline.Fail;
            }

            case CTrue:
                return literal.Negated ? Inline.Fail : Inline.Pass;
            default:
                return Inline.NotInline;
        }
    }

    private bool EvalLiteral(CLiteral literal, Value?[] frame, Func<bool> k) =>
        literal.With.Length > 0 ? EvalWith(literal, frame, k) : EvalLiteralPlain(literal, frame, k);

    private bool EvalLiteralPlain(CLiteral literal, Value?[] frame, Func<bool> k) =>
        literal.Negated ? EvalNegated(literal, frame, k) : EvalExpr(literal.Expr, frame, k);

    private bool EvalNegated(CLiteral literal, Value?[] frame, Func<bool> k)
    {
        var found = false;
        EvalExpr(literal.Expr, frame, () =>
        {
            found = true;
            return false;
        });
        return found || k();
    }

    private bool EvalExpr(CExpr expr, Value?[] frame, Func<bool> k)
    {
        switch (expr)
        {
            case CTermExpr t:
                if (TryEvalSingle(t.Term, frame, out var single))
                {
                    return single is null || single.IsFalse || k();
                }

                return EvalTerm(t.Term, frame, UnlessFalse(k));
            case CUnify u:
                return TryEvalWalk(u, frame, k, out var walked) ? walked : UnifyTerms(u.Left, u.Right, frame, k);
            case CSomeIn s:
                if (TryEvalSingle(s.Collection, frame, out var collection))
                {
                    return collection is null || Iterate(collection, s.Key, s.Value, frame, k);
                }

                return EvalTerm(s.Collection, frame, IterateEach(s, frame, k));
            case CEvery e:
                return EvalTerm(e.Domain, frame, EveryThen(e, frame, k));
            default:
                return k();
        }
    }

    private static Func<Value, bool> UnlessFalse(Func<bool> k) => v => v.IsFalse || k();

    private Func<Value, bool> IterateEach(CSomeIn s, Value?[] frame, Func<bool> k) => c => Iterate(c, s.Key, s.Value, frame, k);

    private Func<Value, bool> EveryThen(CEvery e, Value?[] frame, Func<bool> k) => d => !Every(e, d, frame) || k();

    private bool Iterate(Value collection, CTerm? key, CTerm value, Value?[] frame, Func<bool> k)
    {
        switch (collection)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!UnifyPair(key, NumberValue.Of(i), value, a[i], frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (!UnifyPair(key, o.Keys[i], value, o.Values[i], frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue s:
                foreach (var item in s.ItemArray)
                {
                    if (!UnifyPair(key, item, value, item, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private bool UnifyPair(CTerm? keyTerm, Value key, CTerm valueTerm, Value value, Value?[] frame, Func<bool> k)
    {
        if (keyTerm is null)
        {
            return Unify(valueTerm, value, frame, k);
        }

        // The common "some k, v in x" with two fresh variables binds both without a continuation.
        if (keyTerm is CVar kv && valueTerm is CVar vv && kv.Slot != vv.Slot && frame[kv.Slot] is null && frame[vv.Slot] is null)
        {
            Bind(frame, kv.Slot, key);
            Bind(frame, vv.Slot, value);
            var r = k();
            frame[kv.Slot] = null;
            frame[vv.Slot] = null;
            return r;
        }

        switch (keyTerm)
        {
            case CVar kvar:
            {
                var bound = frame[kvar.Slot];
                if (bound is not null)
                {
                    return !bound.Equals(key) || Unify(valueTerm, value, frame, k);
                }

                Bind(frame, kvar.Slot, key);
                var r = Unify(valueTerm, value, frame, k);
                frame[kvar.Slot] = null;
                return r;
            }

            case CConst c:
                return !c.Value.Equals(key) || Unify(valueTerm, value, frame, k);
            default:
                return Unify(keyTerm, key, frame, ValueThen(valueTerm, value, frame, k));
        }
    }

    private Func<bool> ValueThen(CTerm valueTerm, Value value, Value?[] frame, Func<bool> k) => () => Unify(valueTerm, value, frame, k);

    private bool Every(CEvery every, Value domain, Value?[] frame)
    {
        if (domain is not (ArrayValue or ObjectValue or SetValue))
        {
            return false;
        }

        var all = true;
        Iterate(domain, every.Key, every.Value, frame, () =>
        {
            var ok = false;
            EvalBody(every.Body, 0, frame, () =>
            {
                ok = true;
                return false;
            });
            all &= ok;
            return ok;
        });
        return all;
    }

    private static RegoEvalException Conflict(string message) => new(ErrorCodes.EvalConflict, message);
}
