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
        var functions = Terms(term).OfType<CallTerm>().Select(c => c.Function).ToHashSet(ReferenceEqualityComparer.Instance);
        return Terms(term).Where(t => !functions.Contains(t)).OfType<VarTerm>().Select(v => v.Name);
    }

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
