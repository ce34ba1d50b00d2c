using Steward.Policy.Builtins;
using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>
/// Lowers one rule (or a query) to the evaluation form: resolves names (locals, rules of the package,
/// imports, <c>input</c>, <c>data</c>, built-ins), gives every variable a frame slot and orders each body
/// so that every variable is bound before it is needed.
/// </summary>
internal sealed partial class RuleLowering(ModuleScope module, RuleTree tree, BuiltinRegistry builtins, CompileErrors errors)
{
    private readonly List<string> _slotNames = [];

    /// <summary>What <c>rego.metadata.rule()</c> and <c>rego.metadata.chain()</c> answer in the rule being lowered (null in queries).</summary>
    public RuleMetadata? Metadata { get; init; }
    private Scope _scope = new(null);

    public void Lower(CRule rule)
    {
        var syntax = rule.Syntax;
        var head = syntax.Head;
        var bound = new HashSet<int>();
        if (head.Arguments is not null)
        {
            var parameters = new CTerm[head.Arguments.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                foreach (var name in SyntaxScan.PatternVars(head.Arguments[i]))
                {
                    if (!_scope.DeclaredHere(name))
                    {
                        _scope.Declare(name, NewSlot(name));
                    }
                }

                parameters[i] = LowerTerm(head.Arguments[i]);
                Analysis.AddAll(parameters[i], bound);
            }

            rule.Parameters = parameters;
        }

        var headTerms = new List<Term>(rule.DynamicSyntax);
        if (head.Value is not null)
        {
            headTerms.Add(head.Value);
        }

        if (head.Contains is not null)
        {
            headTerms.Add(head.Contains);
        }

        DeclareBodyNames(syntax.Body, headTerms);
        rule.Body = LowerBody(syntax.Body, bound);
        rule.DynamicPath = [.. rule.DynamicSyntax.Select(LowerTerm)];
        rule.Value = head.Contains is not null ? LowerTerm(head.Contains)
            : head.Value is not null ? LowerTerm(head.Value)
            : new CConst(BooleanValue.True) { IsGround = true };
        var after = Analysis.BoundAfter(rule.Body, bound);
        foreach (var term in rule.DynamicPath.Append(rule.Value))
        {
            ReportUnsafe(term, after, head.Location);
        }

        rule.SlotCount = _slotNames.Count;
    }

    public CompiledQuery LowerQuery(IReadOnlyList<Literal> literals)
    {
        DeclareBodyNames(literals, []);
        var captures = new CTerm?[literals.Count];
        var lowered = new List<CLiteral>(literals.Count);
        for (var i = 0; i < literals.Count; i++)
        {
            _scope.CurrentLiteral = i;
            var literal = literals[i];
            if (!literal.Negated && literal.Expression is TermExpr t && t.Term is not BinaryTerm { Operator: <= BinaryOperator.GreaterThanOrEqual }
                && !IsOutputCall(t.Term))
            {
                // Like OPA, a term expression in a query yields its value, even false.
                var slot = NewSlot("__query_expr" + i);
                var capture = new CVar(slot, _slotNames[slot]) { Location = t.Location };
                captures[i] = capture;
                var with = literal.With.Select(LowerWith).ToArray();
                lowered.Add(new CLiteral(false, new CUnify(capture, LowerTerm(t.Term)), with, literal.Location));
            }
            else
            {
                lowered.Add(LowerLiteral(literal, lowered));
            }
        }

        var ordered = Order(lowered, []);
        var variables = new List<(string, int)>();
        for (var slot = 0; slot < _slotNames.Count; slot++)
        {
            var name = _slotNames[slot];
            if (!name.StartsWith('_') && !name.StartsWith('$') && _scope.TryFind(name, out var found) && found == slot)
            {
                variables.Add((name, slot));
            }
        }

        return new CompiledQuery(ordered, _slotNames.Count, [.. variables], captures);
    }

    private bool IsOutputCall(Term term) =>
        term is CallTerm call && FunctionArity(call.Function) is { } arity && call.Arguments.Count == arity + 1;

    private int NewSlot(string name)
    {
        _slotNames.Add(name);
        return _slotNames.Count - 1;
    }

    private void DeclareBodyNames(IReadOnlyList<Literal> body, IEnumerable<Term> extraTerms)
    {
        foreach (var (name, assigned, location, index) in SyntaxScan.Declared(body))
        {
            if (assigned && !_scope.Assigned.Add(name))
            {
                errors.Add(ErrorCodes.Compile, $"var {name} assigned above", module.File, location);
            }

            if (assigned)
            {
                _scope.AssignedAt.TryAdd(name, index);
            }

            if (!_scope.DeclaredHere(name))
            {
                _scope.Declare(name, NewSlot(name));
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var withNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var literal in body)
        {
            SyntaxScan.Used(literal, used, withNames);
        }

        // A with value naming a built-in (count, object.union_n) replaces a function; any other name is a variable.
        foreach (var name in withNames)
        {
            if (!used.Contains(name) && !IsBuiltinNamespace(name))
            {
                used.Add(name);
            }
        }

        foreach (var term in extraTerms)
        {
            SyntaxScan.Used(term, used);
        }

        foreach (var name in used)
        {
            if (name != "_" && !_scope.TryFind(name, out _) && !IsGlobalName(name))
            {
                _scope.Declare(name, NewSlot(name));
            }
        }
    }

    private bool IsBuiltinNamespace(string name) =>
        builtins.TryGet(name, out _) || SpecialBuiltins.TryGet(name, out _) || name is "opa" or "http"
        || builtins.All.Any(b => b.Name.StartsWith(name + ".", StringComparison.Ordinal));

    private bool IsGlobalName(string name) =>
        name is "input" or "data" || module.Imports.ContainsKey(name) || module.RuleNames.Contains(name);

    /// <summary>Lowers a body's literals and orders them for safety.</summary>
    private CLiteral[] LowerBody(IReadOnlyList<Literal> body, HashSet<int> bound)
    {
        var lowered = new List<CLiteral>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            _scope.CurrentLiteral = i;
            lowered.Add(LowerLiteral(body[i], lowered));
        }

        return Order(lowered, bound);
    }

    private CLiteral LowerLiteral(Literal literal, List<CLiteral> siblings)
    {
        var with = literal.With.Select(LowerWith).ToArray();
        var expr = LowerExpr(literal.Expression, literal.Negated, siblings, literal.Location, with);
        return new CLiteral(literal.Negated, expr, with, literal.Location);
    }

    private CExpr LowerExpr(Expr expr, bool negated, List<CLiteral> siblings, SourceLocation location, CWith[] with)
    {
        switch (expr)
        {
            case TermExpr { Term: CallTerm call } when IsOutputCall(call):
            {
                var args = call.Arguments;
                var output = LowerTerm(args[^1]);
                var value = LowerCall(call with { Arguments = [.. args.Take(args.Count - 1)] });
                return new CUnify(output, value);
            }

            case TermExpr t:
                return new CTermExpr(LowerTerm(t.Term));
            case UnifyExpr u:
                return LowerUnify(u.Left, u.Right, negated, siblings, location, with);
            case AssignExpr a:
                if (a.Left is not (VarTerm or ArrayTerm or ObjectTerm))
                {
                    errors.Add(ErrorCodes.Compile, "cannot assign to " + Describe(a.Left), module.File, a.Location);
                }

                return LowerUnify(a.Left, a.Right, negated, siblings, location, with);
            case SomeDeclExpr:
                return CTrue.Instance;
            case SomeInExpr s:
                return new CSomeIn(s.Key is null ? null : LowerTerm(s.Key), LowerTerm(s.Value), LowerTerm(s.Collection));
            case EveryExpr e:
                return LowerEvery(e);
            default:
                errors.Add(ErrorCodes.Compile, "unsupported expression", module.File, expr.Location);
                return CTrue.Instance;
        }
    }

    private CExpr LowerUnify(Term left, Term right, bool negated, List<CLiteral> siblings, SourceLocation location, CWith[] with)
    {
        // [a, b] = [c, d] unifies element by element; outside negation each pair becomes its own literal so
        // that the pairs can be ordered for safety independently (as OPA's compiler does).
        if (!negated && with.Length == 0 && left is ArrayTerm la && right is ArrayTerm ra && la.Items.Count == ra.Items.Count && la.Items.Count > 0)
        {
            for (var i = 0; i < la.Items.Count - 1; i++)
            {
                siblings.Add(new CLiteral(false, LowerUnify(la.Items[i], ra.Items[i], false, siblings, location, with), [], location));
            }

            return LowerUnify(la.Items[^1], ra.Items[^1], false, siblings, location, with);
        }

        if (!negated && with.Length == 0 && left is ObjectTerm lo && right is ObjectTerm ro && lo.Entries.Count == ro.Entries.Count && lo.Entries.Count > 0
            && PairEntries(lo, ro) is { } pairs)
        {
            for (var i = 0; i < pairs.Count - 1; i++)
            {
                siblings.Add(new CLiteral(false, LowerUnify(pairs[i].Left, pairs[i].Right, false, siblings, location, with), [], location));
            }

            return LowerUnify(pairs[^1].Left, pairs[^1].Right, false, siblings, location, with);
        }

        return new CUnify(LowerTerm(left), LowerTerm(right));
    }

    /// <summary>Pairs the values of two object literals whose keys are the same scalar literals, or null.</summary>
    private static List<(Term Left, Term Right)>? PairEntries(ObjectTerm left, ObjectTerm right)
    {
        var pairs = new List<(Term, Term)>();
        foreach (var entry in left.Entries)
        {
            if (ScalarKey(entry.Key) is not { } key)
            {
                return null;
            }

            var match = right.Entries.FirstOrDefault(e => ScalarKey(e.Key) == key);
            if (match is null)
            {
                return null;
            }

            pairs.Add((entry.Value, match.Value));
        }

        return pairs;
    }

    private static string? ScalarKey(Term term) => term switch
    {
        StringTerm s => "s:" + s.Value,
        NumberTerm n => "n:" + n.Text,
        BooleanTerm b => "b:" + b.Value,
        NullTerm => "null",
        _ => null,
    };

    private CEvery LowerEvery(EveryExpr every)
    {
        var outer = _scope;
        var first = _slotNames.Count;
        _scope = new Scope(outer);
        foreach (var name in SyntaxScan.PatternVars(every.Key).Concat(SyntaxScan.PatternVars(every.Value)))
        {
            if (!_scope.DeclaredHere(name))
            {
                _scope.Declare(name, NewSlot(name));
            }
        }

        var domain = LowerTermIn(outer, every.Domain);
        var key = every.Key is null ? null : LowerTerm(every.Key);
        var value = LowerTerm(every.Value);
        DeclareBodyNames(every.Body, []);
        var bound = new HashSet<int>();
        if (key is not null)
        {
            Analysis.AddAll(key, bound);
        }

        Analysis.AddAll(value, bound);
        var body = LowerBodyWithOuter(every.Body, bound, first);
        _scope = outer;
        return new CEvery(key, value, domain, body) { LocalSlots = Range(first, _slotNames.Count) };
    }

    private CTerm LowerTermIn(Scope scope, Term term)
    {
        var saved = _scope;
        _scope = scope;
        try
        {
            return LowerTerm(term);
        }
        finally
        {
            _scope = saved;
        }
    }

    /// <summary>Lowers a closure body: variables of enclosing bodies count as bound.</summary>
    private CLiteral[] LowerBodyWithOuter(IReadOnlyList<Literal> body, HashSet<int> bound, int firstLocalSlot)
    {
        var lowered = new List<CLiteral>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            _scope.CurrentLiteral = i;
            lowered.Add(LowerLiteral(body[i], lowered));
        }

        foreach (var literal in lowered)
        {
            foreach (var slot in Analysis.All(literal))
            {
                if (slot < firstLocalSlot)
                {
                    bound.Add(slot);
                }
            }
        }

        return Order(lowered, bound);
    }

    private static int[] Range(int from, int to) => Enumerable.Range(from, to - from).ToArray();

    private CLiteral[] Order(List<CLiteral> literals, HashSet<int> bound)
    {
        var ordered = Analysis.Order(literals, bound, out var stuck, out var missing);
        if (stuck is not null)
        {
            errors.Add(ErrorCodes.UnsafeVar, $"var {Name(missing)} is unsafe", module.File, stuck.Location);
        }

        return ordered;
    }

    private void ReportUnsafe(CTerm term, HashSet<int> bound, SourceLocation location)
    {
        foreach (var slot in Analysis.All(term))
        {
            if (!bound.Contains(slot))
            {
                errors.Add(ErrorCodes.UnsafeVar, $"var {Name(slot)} is unsafe", module.File, location);
                return;
            }
        }
    }

    private string Name(int slot) => slot >= 0 && slot < _slotNames.Count ? _slotNames[slot] : "?";

    private static string Describe(Term term) => term switch
    {
        RefTerm => "reference",
        CallTerm => "call",
        _ => term.GetType().Name.Replace("Term", "", StringComparison.Ordinal).ToLowerInvariant(),
    };
}
