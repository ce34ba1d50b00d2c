using Steward.Policy.Evaluation;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>Rejects rules that depend on themselves, directly or through other rules (OPA's <c>rego_recursion_error</c>).</summary>
internal static class RecursionCheck
{
    public static void Run(RuleTree tree, CompileErrors errors)
    {
        var nodes = new List<RuleNode>();
        Gather(tree.Root, nodes);
        var edges = nodes.ToDictionary(n => n, n => Dependencies(tree, n));
        DataConstancy.Mark(nodes, edges);
        tree.GuardCount = DataConstancy.MarkGuards(nodes, literal =>
        {
            var found = new HashSet<RuleNode>();
            Literal(tree, literal, found);
            return found;
        });
        var state = new Dictionary<RuleNode, int>();
        var stack = new List<RuleNode>();
        foreach (var node in nodes)
        {
            if (Visit(node, edges, state, stack, out var cycle))
            {
                var first = cycle[0].Rules.Count > 0 ? cycle[0].Rules[0] : cycle[0].Default!;
                errors.Add(ErrorCodes.Recursion, $"rule {cycle[0].DottedPath} is recursive: {string.Join(" -> ", cycle.Select(c => c.DottedPath))}", first.File, first.Location);
                return;
            }
        }
    }

    private static bool Visit(RuleNode node, Dictionary<RuleNode, HashSet<RuleNode>> edges, Dictionary<RuleNode, int> state, List<RuleNode> stack, out List<RuleNode> cycle)
    {
        cycle = [];
        if (state.TryGetValue(node, out var s))
        {
            if (s == 1)
            {
                var at = stack.IndexOf(node);
                cycle = [.. stack.Skip(at), node];
                return true;
            }

            return false;
        }

        state[node] = 1;
        stack.Add(node);
        foreach (var next in edges[node])
        {
            if (Visit(next, edges, state, stack, out cycle))
            {
                return true;
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[node] = 2;
        return false;
    }

    private static void Gather(RuleNode node, List<RuleNode> nodes)
    {
        if (node.Rules.Count > 0 || node.Default is not null)
        {
            nodes.Add(node);
        }

        foreach (var child in node.Children.Values)
        {
            Gather(child, nodes);
        }
    }

    private static HashSet<RuleNode> Dependencies(RuleTree tree, RuleNode node)
    {
        var found = new HashSet<RuleNode>();
        foreach (var rule in node.Rules.Append(node.Default))
        {
            for (var r = rule; r is not null; r = r.Else)
            {
                foreach (var literal in r.Body)
                {
                    Literal(tree, literal, found);
                }

                foreach (var t in r.DynamicPath.Append(r.Value).Concat(r.Parameters))
                {
                    if (t is not null)
                    {
                        Term(tree, t, found);
                    }
                }
            }
        }

        return found;
    }

    private static void Literal(RuleTree tree, CLiteral literal, HashSet<RuleNode> found)
    {
        foreach (var with in literal.With)
        {
            Term(tree, with.Value, found);
        }

        switch (literal.Expr)
        {
            case CTermExpr t:
                Term(tree, t.Term, found);
                break;
            case CUnify u:
                Term(tree, u.Left, found);
                Term(tree, u.Right, found);
                break;
            case CSomeIn s:
                if (s.Key is not null)
                {
                    Term(tree, s.Key, found);
                }

                Term(tree, s.Value, found);
                Term(tree, s.Collection, found);
                break;
            case CEvery e:
                Term(tree, e.Domain, found);
                foreach (var l in e.Body)
                {
                    Literal(tree, l, found);
                }

                break;
        }
    }

    private static void Term(RuleTree tree, CTerm term, HashSet<RuleNode> found)
    {
        switch (term)
        {
            case CRef r:
                if (r.Root == RefRoot.Data)
                {
                    DataRef(tree, r, found);
                }

                if (r.Head is not null)
                {
                    Term(tree, r.Head, found);
                }

                foreach (var p in r.Path)
                {
                    Term(tree, p, found);
                }

                break;
            case CCall c:
                if (c.Function is not null)
                {
                    found.Add(c.Function);
                }

                foreach (var a in c.Args)
                {
                    Term(tree, a, found);
                }

                break;
            case CArray a:
                a.Items.ToList().ForEach(i => Term(tree, i, found));
                break;
            case CSet s:
                s.Items.ToList().ForEach(i => Term(tree, i, found));
                break;
            case CObject o:
                o.Keys.Concat(o.Values).ToList().ForEach(i => Term(tree, i, found));
                break;
            case CComprehension c:
                Term(tree, c.Head, found);
                if (c.Value is not null)
                {
                    Term(tree, c.Value, found);
                }

                foreach (var l in c.Body)
                {
                    Literal(tree, l, found);
                }

                break;
        }
    }

    private static void DataRef(RuleTree tree, CRef r, HashSet<RuleNode> found)
    {
        var node = tree.Root;
        foreach (var p in r.Path)
        {
            if (node.Rules.Count > 0 || node.Default is not null)
            {
                found.Add(node);
                return;
            }

            if (p is CConst { Value: StringValue s } && node.Children.TryGetValue(s.Value, out var child))
            {
                node = child;
                continue;
            }

            if (p is CConst)
            {
                return;
            }

            // A variable key reaches every child.
            AllBelow(node, found);
            return;
        }

        AllBelow(node, found);
    }

    private static void AllBelow(RuleNode node, HashSet<RuleNode> found)
    {
        if ((node.Rules.Count > 0 || node.Default is not null) && !node.IsFunction)
        {
            found.Add(node);
        }

        foreach (var child in node.Children.Values)
        {
            AllBelow(child, found);
        }
    }
}
