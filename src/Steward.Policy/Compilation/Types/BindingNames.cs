using Steward.Policy.Builtins;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>
/// The names a rule (with its <c>else</c> chain) binds anywhere: function parameters, <c>some</c>, <c>every</c>,
/// assignment and unification patterns, and output arguments of calls. A bare name in this set is never taken for a
/// rule reference by the type check.
/// </summary>
internal static class BindingNames
{
    public static HashSet<string> Collect(Rule rule, BuiltinRegistry builtins)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = rule; r is not null; r = r.Else)
        {
            foreach (var argument in r.Head.Arguments ?? [])
            {
                names.UnionWith(SyntaxWalk.Vars(argument));
            }

            var terms = SyntaxWalk.BodyTerms(r.Body)
                .Concat(SyntaxWalk.Terms(r.Head.Value)).Concat(SyntaxWalk.Terms(r.Head.Contains)).Concat(SyntaxWalk.Terms(r.Head.Name));
            AddFromBodies(names, r.Body, terms, builtins);
        }

        return names;
    }

    private static void AddFromBodies(HashSet<string> names, IReadOnlyList<Literal> body, IEnumerable<Term> allTerms, BuiltinRegistry builtins)
    {
        var bodies = new List<IReadOnlyList<Literal>> { body };
        foreach (var term in allTerms)
        {
            switch (term)
            {
                case ArrayComprehension ac:
                    bodies.Add(ac.Body);
                    break;
                case SetComprehension sc:
                    bodies.Add(sc.Body);
                    break;
                case ObjectComprehension oc:
                    bodies.Add(oc.Body);
                    break;
                case CallTerm { Arguments.Count: > 0 } call when MayHaveOutput(call, builtins):
                    names.UnionWith(SyntaxWalk.Vars(call.Arguments[^1]));
                    break;
            }
        }

        foreach (var literal in bodies.SelectMany(SyntaxWalk.Literals))
        {
            IEnumerable<Term?> bound = literal.Expression switch
            {
                SomeDeclExpr s => s.Variables,
                SomeInExpr s => [s.Key, s.Value],
                EveryExpr e => [e.Key, e.Value],
                AssignExpr a => [a.Left],
                UnifyExpr u => [u.Left, u.Right],
                _ => [],
            };
            foreach (var term in bound)
            {
                names.UnionWith(SyntaxWalk.Vars(term));
            }
        }
    }

    /// <summary>Whether the last argument may be an output: always, unless the call plainly names a built-in of that arity.</summary>
    private static bool MayHaveOutput(CallTerm call, BuiltinRegistry builtins)
    {
        var name = call.Function switch
        {
            VarTerm v => v.Name,
            RefTerm { Head: VarTerm v } r when r.Path.All(p => p is StringTerm) => string.Join('.', r.Path.Select(p => ((StringTerm)p).Value).Prepend(v.Name)),
            _ => null,
        };
        return name is null || !builtins.TryGet(name, out var builtin) || call.Arguments.Count > builtin.Arity;
    }
}
