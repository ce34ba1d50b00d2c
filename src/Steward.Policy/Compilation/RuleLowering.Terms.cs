using Steward.Policy.Builtins;
using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

internal sealed partial class RuleLowering
{
    /// <summary>The built-in each infix operator calls (shared with the type check).</summary>
    internal static readonly Dictionary<BinaryOperator, string> OperatorNames = new()
    {
        [BinaryOperator.Equal] = "equal",
        [BinaryOperator.NotEqual] = "neq",
        [BinaryOperator.LessThan] = "lt",
        [BinaryOperator.LessThanOrEqual] = "lte",
        [BinaryOperator.GreaterThan] = "gt",
        [BinaryOperator.GreaterThanOrEqual] = "gte",
        [BinaryOperator.Or] = "or",
        [BinaryOperator.And] = "and",
        [BinaryOperator.Plus] = "plus",
        [BinaryOperator.Minus] = "minus",
        [BinaryOperator.Multiply] = "mul",
        [BinaryOperator.Divide] = "div",
        [BinaryOperator.Remainder] = "rem",
    };

    private CTerm LowerTerm(Term term)
    {
        switch (term)
        {
            case NullTerm:
                return Const(NullValue.Instance, term);
            case BooleanTerm b:
                return Const(BooleanValue.Of(b.Value), term);
            case StringTerm s:
                return Const(new StringValue(s.Value), term);
            case NumberTerm n:
                if (!NumberValue.TryParseLiteral(n.Text, out var number))
                {
                    errors.Add(ErrorCodes.Parse, $"invalid number {n.Text}", module.File, n.Location);
                    number = NumberValue.Zero;
                }

                return Const(number, term);
            case VarTerm v:
                return ResolveVar(v);
            case RefTerm r:
                return LowerRef(r);
            case CallTerm c:
                return LowerCall(c);
            case BinaryTerm b:
                return Call(OperatorNames[b.Operator], [LowerTerm(b.Left), LowerTerm(b.Right)], b.Location);
            case UnaryMinusTerm u:
                return Call("minus", [Const(NumberValue.Zero, u), LowerTerm(u.Operand)], u.Location);
            case MembershipTerm m:
                return m.Key is null
                    ? Call("internal.member_2", [LowerTerm(m.Value), LowerTerm(m.Collection)], m.Location)
                    : Call("internal.member_3", [LowerTerm(m.Key), LowerTerm(m.Value), LowerTerm(m.Collection)], m.Location);
            case ArrayTerm a:
            {
                var items = a.Items.Select(LowerTerm).ToArray();
                return items.All(i => i is CConst)
                    ? Const(new ArrayValue([.. items.Select(i => ((CConst)i).Value)]), term)
                    : new CArray(items) { Location = term.Location };
            }

            case SetTerm s:
            {
                var items = s.Items.Select(LowerTerm).ToArray();
                return items.All(i => i is CConst)
                    ? Const(SetValue.From(items.Select(i => ((CConst)i).Value)), term)
                    : new CSet(items) { Location = term.Location };
            }

            case ObjectTerm o:
            {
                var keys = o.Entries.Select(e => LowerTerm(e.Key)).ToArray();
                var values = o.Entries.Select(e => LowerTerm(e.Value)).ToArray();
                if (keys.All(k => k is CConst) && values.All(v => v is CConst))
                {
                    return Const(ObjectValue.From(keys.Select((k, i) => new KeyValuePair<Value, Value>(((CConst)k).Value, ((CConst)values[i]).Value))), term);
                }

                return new CObject(keys, values) { Location = term.Location };
            }

            case ArrayComprehension a:
                return LowerComprehension(ComprehensionKind.Array, a.Head, null, a.Body, a.Location);
            case SetComprehension s:
                return LowerComprehension(ComprehensionKind.Set, s.Head, null, s.Body, s.Location);
            case ObjectComprehension o:
                return LowerComprehension(ComprehensionKind.Object, o.Key, o.Value, o.Body, o.Location);
            default:
                errors.Add(ErrorCodes.Compile, "unsupported term", module.File, term.Location);
                return Const(NullValue.Instance, term);
        }
    }

    private static CConst Const(Value value, Term term) => new(value) { IsGround = true, Location = term.Location };

    private CTerm ResolveVar(VarTerm v)
    {
        if (v.Name == "_")
        {
            return new CVar(NewSlot("_"), "_") { Location = v.Location };
        }

        if (_scope.TryFind(v.Name, out var slot))
        {
            return new CVar(slot, v.Name) { Location = v.Location };
        }

        switch (v.Name)
        {
            case "input":
                return new CRef(RefRoot.Input, null, []) { Location = v.Location };
            case "data":
                return new CRef(RefRoot.Data, null, []) { Location = v.Location };
        }

        if (module.Imports.TryGetValue(v.Name, out var imported))
        {
            return LowerTerm(imported) is CRef r ? new CRef(r.Root, r.Head, r.Path) { Location = v.Location } : Const(NullValue.Instance, v);
        }

        if (module.RuleNames.Contains(v.Name))
        {
            return new CRef(RefRoot.Data, null, [.. module.Package.Append(v.Name).Select(p => Const(new StringValue(p), v))]) { Location = v.Location };
        }

        // Not declared at the body level (e.g. a name first used inside a closure): a local of the innermost scope.
        var local = NewSlot(v.Name);
        _scope.Declare(v.Name, local);
        return new CVar(local, v.Name) { Location = v.Location };
    }

    private CTerm LowerRef(RefTerm r)
    {
        var head = LowerTerm(r.Head);
        var path = r.Path.Select(LowerTerm).ToArray();
        if (head is CRef inner)
        {
            return new CRef(inner.Root, inner.Head, [.. inner.Path, .. path]) { Location = r.Location };
        }

        return new CRef(RefRoot.Term, head, path) { Location = r.Location };
    }

    /// <summary>The dotted name of a called function (<c>count</c>, <c>strings.replace_n</c>, <c>data.x.f</c> after resolution).</summary>
    private (string Name, RuleNode? Node) ResolveFunction(Term function)
    {
        var parts = new List<string>();
        Term head;
        switch (function)
        {
            case VarTerm v:
                head = v;
                break;
            case RefTerm { Head: VarTerm } r when r.Path.All(p => p is StringTerm):
                head = r.Head;
                parts.AddRange(r.Path.Select(p => ((StringTerm)p).Value));
                break;
            default:
                return ("", null);
        }

        var name = ((VarTerm)head).Name;
        string[]? dataPath = null;
        if (name == "data")
        {
            dataPath = [.. parts];
        }
        else if (module.Imports.TryGetValue(name, out var imported) && !_scope.TryFind(name, out _))
        {
            var (root, importPath) = imported switch
            {
                VarTerm iv => (iv.Name, new List<string>()),
                RefTerm { Head: VarTerm iv } ir => (iv.Name, ir.Path.Select(p => p is StringTerm s ? s.Value : "").ToList()),
                _ => ("", []),
            };
            if (root == "data")
            {
                dataPath = [.. importPath, .. parts];
            }
        }
        else if (module.RuleNames.Contains(name) && !_scope.TryFind(name, out _))
        {
            dataPath = [.. module.Package, name, .. parts];
        }

        if (dataPath is not null)
        {
            var node = tree.Root;
            foreach (var key in dataPath)
            {
                if (!node.Children.TryGetValue(key, out node!))
                {
                    return ("data." + string.Join('.', dataPath), null);
                }
            }

            return ("data." + string.Join('.', dataPath), node);
        }

        return (string.Join('.', parts.Prepend(name)), null);
    }

    private int? FunctionArity(Term function)
    {
        var (name, node) = ResolveFunction(function);
        if (node is { IsFunction: true })
        {
            var rule = node.Rules.Count > 0 ? node.Rules[0] : node.Default;
            return rule?.Syntax.Head.Arguments?.Count;
        }

        if (name == "print")
        {
            return null;
        }

        return builtins.TryGet(name, out var builtin) ? builtin.Arity : SpecialBuiltins.Arity(name);
    }

    private CTerm LowerCall(CallTerm call)
    {
        var (name, node) = ResolveFunction(call.Function);
        if (node is null && name is "rego.metadata.chain" or "rego.metadata.rule")
        {
            // As OPA's compiler does, the call becomes the rule's annotations, a constant (a query has none).
            if (call.Arguments.Count != 0)
            {
                errors.Add(ErrorCodes.Type, $"{name}: arity mismatch: have {call.Arguments.Count} arguments, want 0", module.File, call.Location);
            }

            var value = name == "rego.metadata.rule"
                ? Metadata?.Rule ?? ObjectValue.Empty
                : Metadata?.Chain ?? ArrayValue.Empty;
            return Const(value, call);
        }

        var args = call.Arguments.Select(LowerTerm).ToArray();
        if (node is not null)
        {
            if (!node.IsFunction)
            {
                errors.Add(ErrorCodes.Type, $"undefined function {name}", module.File, call.Location);
                return Const(NullValue.Instance, call);
            }

            var arity = FunctionArity(call.Function);
            if (arity != args.Length)
            {
                errors.Add(ErrorCodes.Type, $"{name}: arity mismatch: have {args.Length} arguments, want {arity}", module.File, call.Location);
            }

            return new CCall(name, null, node, args) { Location = call.Location };
        }

        return Call(name, args, call.Location);
    }

    private CTerm Call(string name, CTerm[] args, SourceLocation location)
    {
        Builtin? builtin;
        if (name == "print")
        {
            builtin = SpecialBuiltins.Print;
        }
        else if (!builtins.TryGet(name, out builtin!) && !SpecialBuiltins.TryGet(name, out builtin!))
        {
            errors.Add(ErrorCodes.Type, DeprecatedBuiltins.UnknownFunctionMessage(name), module.File, location);
            return new CConst(NullValue.Instance) { IsGround = true, Location = location };
        }
        else if (builtin.Arity != args.Length)
        {
            errors.Add(ErrorCodes.Type, $"{name}: arity mismatch: have {args.Length} arguments, want {builtin.Arity}", module.File, location);
        }

        return new CCall(name, builtin, null, args) { Location = location };
    }

    private CWith LowerWith(WithModifier with)
    {
        var (functionName0, functionNode0) = ResolveFunction(with.Target);
        if (functionNode0 is { IsFunction: true } || (functionNode0 is null && !functionName0.StartsWith("data.", StringComparison.Ordinal)
            && (builtins.TryGet(functionName0, out _) || SpecialBuiltins.TryGet(functionName0, out _))))
        {
            var (replacementName, replacementNode) = ResolveFunction(with.Value);
            if (replacementNode is { IsFunction: true })
            {
                return new CWith(WithKind.Function, [], functionName0, new CConst(NullValue.Instance) { IsGround = true }, replacementNode);
            }

            if (replacementNode is null && replacementName.Length > 0 && !IsLocal(with.Value)
                && (builtins.TryGet(replacementName, out var replacementBuiltin) || SpecialBuiltins.TryGet(replacementName, out replacementBuiltin)))
            {
                return new CWith(WithKind.Function, [], functionName0, new CConst(NullValue.Instance) { IsGround = true }, replacementBuiltin);
            }

            return new CWith(WithKind.Function, [], functionName0, LowerTerm(with.Value));
        }

        var value = LowerTerm(with.Value);
        var (root, path) = with.Target switch
        {
            VarTerm v => (v.Name, Array.Empty<string>()),
            RefTerm { Head: VarTerm v } r when r.Path.All(p => p is StringTerm) => (v.Name, r.Path.Select(p => ((StringTerm)p).Value).ToArray()),
            _ => ("", []),
        };
        if (root == "input")
        {
            return new CWith(WithKind.Input, path, "", value);
        }

        if (root == "data")
        {
            var (fname, node) = ResolveFunction(with.Target);
            return node is { IsFunction: true } ? new CWith(WithKind.Function, [], fname, value) : new CWith(WithKind.Data, path, "", value);
        }

        var (functionName, functionNode) = ResolveFunction(with.Target);
        if (functionNode is { IsFunction: true } || builtins.TryGet(functionName, out _) || SpecialBuiltins.TryGet(functionName, out _))
        {
            return new CWith(WithKind.Function, [], functionName, value);
        }

        if (functionNode is not null && functionName.StartsWith("data.", StringComparison.Ordinal))
        {
            return new CWith(WithKind.Data, functionName[5..].Split('.'), "", value);
        }

        errors.Add(ErrorCodes.Type, $"with keyword target must reference existing input, data, or a function", module.File, with.Location);
        return new CWith(WithKind.Input, [], "", value);
    }

    private bool IsLocal(Term term) => term switch
    {
        VarTerm v => _scope.TryFind(v.Name, out _) || module.RuleNames.Contains(v.Name) || module.Imports.ContainsKey(v.Name),
        RefTerm { Head: VarTerm v } => _scope.TryFind(v.Name, out _) || module.RuleNames.Contains(v.Name) || module.Imports.ContainsKey(v.Name) || v.Name is "data" or "input",
        _ => true,
    };

    private CComprehension LowerComprehension(ComprehensionKind kind, Term head, Term? value, IReadOnlyList<Literal> body, SourceLocation location)
    {
        var outer = _scope;
        var first = _slotNames.Count;
        _scope = new Scope(outer);
        var headTerms = value is null ? new[] { head } : [head, value];
        DeclareBodyNames(body, headTerms);
        var bound = new HashSet<int>();
        var lowered = LowerBodyWithOuter(body, bound, first);
        var loweredHead = LowerTerm(head);
        var loweredValue = value is null ? null : LowerTerm(value);
        var after = Analysis.BoundAfter(lowered, bound);
        foreach (var slot in Analysis.All(loweredHead).Concat(loweredValue is null ? [] : Analysis.All(loweredValue)))
        {
            if (slot < first)
            {
                after.Add(slot);
            }
        }

        ReportUnsafe(loweredHead, after, location);
        if (loweredValue is not null)
        {
            ReportUnsafe(loweredValue, after, location);
        }

        _scope = outer;
        return new CComprehension(kind, loweredHead, loweredValue, lowered) { Location = location, LocalSlots = Range(first, _slotNames.Count) };
    }
}
