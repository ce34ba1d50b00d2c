using Steward.Policy.Evaluation;
using Steward.Policy.Evaluation.Compiled;

namespace Steward.Policy.Compilation;

/// <summary>
/// What of a compiled policy the interpreter still evaluates, and why: one line per body literal without a
/// compiled inline form that the loop runner does not take either, and per term without a compiled form inside
/// otherwise compiled literals (<c>file:line:col data.path: reason</c>). Data-constant rules are marked, since
/// they run once per data document rather than per decision. A diagnostic for speed work; not used when evaluating.
/// </summary>
internal static class InterpretedReport
{
    public static IReadOnlyList<string> For(CompiledPolicy policy)
    {
        var lines = new List<string>();
        Node(policy.Tree.Root, lines);
        return lines;
    }

    private static void Node(RuleNode node, List<string> lines)
    {
        var rules = node.Default is null ? node.Rules : [.. node.Rules, node.Default];
        foreach (var rule in rules)
        {
            for (var r = rule; r is not null; r = r.Else)
            {
                var owner = node.DottedPath + (node.IsDataConstant ? " (data-constant)" : "");
                Body(r.Body, r.File, owner, lines);
                if (r.Value is not null)
                {
                    Term(r.Value, r.File, owner, "head", lines);
                }
            }
        }

        foreach (var child in node.Children.Values.OrderBy(c => c.DottedPath, StringComparer.Ordinal))
        {
            Node(child, lines);
        }
    }

    private static void Body(CLiteral[] body, string file, string owner, List<string> lines)
    {
        var loops = Evaluator.IsLoopBody(body);
        foreach (var literal in body)
        {
            var where = $"{file}:{literal.Location.Line}:{literal.Location.Column} {owner}";
            if (literal.Inline is null && !loops)
            {
                lines.Add($"{where}: {Reason(literal)}");
            }

            switch (literal.Expr)
            {
                case CTermExpr t:
                    Term(t.Term, file, owner, "literal", lines);
                    break;
                case CUnify u:
                    Term(u.Left, file, owner, "left side", lines);
                    Term(u.Right, file, owner, "right side", lines);
                    break;
                case CSomeIn s:
                    Term(s.Collection, file, owner, "collection", lines);
                    break;
                case CEvery e:
                    Term(e.Domain, file, owner, "domain", lines);
                    Body(e.Body, file, owner, lines);
                    break;
            }
        }
    }

    private static string Reason(CLiteral literal) => literal switch
    {
        { With.Length: > 0 } => "with",
        { Expr: CSomeIn s } when s.Collection.Single is null => "some ... in over a term without a compiled form",
        { Expr: CSomeIn } => "some ... in with a pattern, or next to a literal without a compiled form",
        { Expr: CEvery } => "every",
        _ => "no compiled form (" + literal.Expr.GetType().Name + ")",
    };

    private static void Term(CTerm term, string file, string owner, string role, List<string> lines)
    {
        var handsOver = ReferenceEquals(term.Single, CompiledCall.HandOver);
        if ((term.Single is null || handsOver) && term is not (CVar or CConst))
        {
            var what = term switch
            {
                CCall c => "call of " + c.Name + (c.Builtin?.Function is null && c.Function is null ? " (relation or special)" : ""),
                CComprehension c => c.Kind.ToString().ToLowerInvariant() + " comprehension",
                _ => term.GetType().Name[1..].ToLowerInvariant(),
            };
            var why = handsOver ? "hands over at once (a function call, print or comprehension before a part that may iterate)" : "has no compiled form";
            lines.Add($"{file}:{term.Location.Line}:{term.Location.Column} {owner}: {role}: {what} {why}");
        }

        switch (term)
        {
            case CRef r when r.Head is not null:
                Term(r.Head, file, owner, role, lines);
                break;
            case CCall c:
                foreach (var arg in c.Args)
                {
                    Term(arg, file, owner, role, lines);
                }

                break;
            case CComprehension c:
                Body(c.Body, file, owner, lines);
                break;
        }
    }
}
