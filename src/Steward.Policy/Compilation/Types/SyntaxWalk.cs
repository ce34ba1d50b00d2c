using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>Visits every term of a rule, including those inside nested bodies (comprehensions, <c>every</c>).</summary>
internal static class SyntaxWalk
{
    public static IEnumerable<Term> Terms(Term? term)
    {
        if (term is null)
        {
            yield break;
        }

        yield return term;
        IEnumerable<Term> children = term switch
        {
            RefTerm r => r.Path.Prepend(r.Head),
            CallTerm c => c.Arguments.Prepend(c.Function),
            BinaryTerm b => [b.Left, b.Right],
            UnaryMinusTerm u => [u.Operand],
            MembershipTerm m => m.Key is null ? [m.Value, m.Collection] : [m.Key, m.Value, m.Collection],
            ArrayTerm a => a.Items,
            SetTerm s => s.Items,
            ObjectTerm o => o.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            ArrayComprehension ac => BodyTerms(ac.Body).Prepend(ac.Head),
            SetComprehension sc => BodyTerms(sc.Body).Prepend(sc.Head),
            ObjectComprehension oc => BodyTerms(oc.Body).Prepend(oc.Value).Prepend(oc.Key),
            _ => [],
        };
        foreach (var child in children.SelectMany(Terms))
        {
            yield return child;
        }
    }

    public static IEnumerable<Term> BodyTerms(IEnumerable<Literal> body) => body.SelectMany(LiteralTerms);

    public static IEnumerable<Literal> Literals(IEnumerable<Literal> body)
    {
        foreach (var literal in body)
        {
            yield return literal;
            if (literal.Expression is EveryExpr every)
            {
                foreach (var nested in Literals(every.Body))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Variable names in a term, not counting the names of called functions.</summary>
    public static IEnumerable<string> Vars(Term? term)
    {
        var names = new List<string>();
        AddVars(term, names);
        return names;
    }

    private static void AddVars(Term? term, List<string> names)
    {
        switch (term)
        {
            case null or StringTerm or NumberTerm or BooleanTerm or NullTerm:
                return;
            case VarTerm v:
                names.Add(v.Name);
                return;
            case CallTerm c:
                foreach (var argument in c.Arguments)
                {
                    AddVars(argument, names);
                }

                return;
            case RefTerm r:
                AddVars(r.Head, names);
                foreach (var segment in r.Path)
                {
                    AddVars(segment, names);
                }

                return;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    AddVars(item, names);
                }

                return;
            default:
                foreach (var child in Terms(term).Skip(1))
                {
                    if (child is VarTerm v && !IsCalledFunction(term, child))
                    {
                        names.Add(v.Name);
                    }
                }

                return;
        }
    }

    private static bool IsCalledFunction(Term root, Term candidate) =>
        Terms(root).OfType<CallTerm>().Any(c => ReferenceEquals(c.Function, candidate));

    private static IEnumerable<Term> LiteralTerms(Literal literal)
    {
        IEnumerable<Term> roots = literal.Expression switch
        {
            TermExpr t => [t.Term],
            AssignExpr a => [a.Left, a.Right],
            UnifyExpr u => [u.Left, u.Right],
            SomeDeclExpr s => s.Variables,
            SomeInExpr s => s.Key is null ? [s.Value, s.Collection] : [s.Key, s.Value, s.Collection],
            EveryExpr e => BodyTerms(e.Body).Prepend(e.Domain).Prepend(e.Value).Concat(e.Key is null ? [] : [e.Key]),
            _ => [],
        };
        return roots.Concat(literal.With.SelectMany(w => new[] { w.Target, w.Value })).SelectMany(Terms);
    }
}
