using Steward.Policy.Evaluation;

namespace Steward.Policy.Compilation;

/// <summary>
/// Marks the rule nodes whose value depends only on base documents, so evaluations over the same data can
/// share it: no reference to <c>input</c>, no nondeterministic built-in, no <c>print</c>, no <c>with</c>,
/// and no dependency on a node that has any of these.
/// </summary>
internal static class DataConstancy
{
    public static void Mark(List<RuleNode> nodes, Dictionary<RuleNode, HashSet<RuleNode>> edges)
    {
        var volatileNodes = new HashSet<RuleNode>(nodes.Where(DirectlyVolatile));
        // Propagate along reverse edges until nothing changes (the graph is acyclic once recursion is rejected).
        bool changed;
        do
        {
            changed = false;
            foreach (var node in nodes)
            {
                if (!volatileNodes.Contains(node) && edges[node].Any(volatileNodes.Contains))
                {
                    volatileNodes.Add(node);
                    changed = true;
                }
            }
        }
        while (changed);

        foreach (var node in nodes)
        {
            node.IsDataConstant = !node.IsFunction && !volatileNodes.Contains(node);
        }
    }

    /// <summary>
    /// Numbers the data guards: rules of input-dependent partial sets and objects whose first literal is a test
    /// with no variable, no <c>with</c>, nothing volatile, and only data-constant rules among its dependencies.
    /// Such a literal has one outcome per data document, so evaluations over the same data decide it once.
    /// </summary>
    /// <returns>The number of guards.</returns>
    public static int MarkGuards(List<RuleNode> nodes, Func<CLiteral, HashSet<RuleNode>> dependencies)
    {
        var next = 0;
        foreach (var node in nodes)
        {
            if (node.IsDataConstant || node.Kind is not (RuleKind.PartialSet or RuleKind.PartialObject))
            {
                continue;
            }

            foreach (var rule in node.Rules)
            {
                if (rule.Body.Length > 0 && IsGuard(rule.Body[0]) && dependencies(rule.Body[0]).All(n => n.IsDataConstant))
                {
                    rule.GuardId = next++;
                }
            }
        }

        return next;
    }

    private static bool IsGuard(CLiteral literal) =>
        literal.With.Length == 0 && !Volatile(literal) && literal.Expr switch
        {
            CTermExpr t => Closed(t.Term),
            CUnify u => Closed(u.Left) && Closed(u.Right),
            _ => false,
        };

    /// <summary>Whether a term has no variable (and so no comprehension, whose bodies bind some).</summary>
    private static bool Closed(CTerm term) => term switch
    {
        CVar or CComprehension => false,
        CRef r => (r.Head is null || Closed(r.Head)) && r.Path.All(Closed),
        CCall c => c.Args.All(Closed),
        CArray a => a.Items.All(Closed),
        CSet s => s.Items.All(Closed),
        CObject o => o.Keys.All(Closed) && o.Values.All(Closed),
        CConst => true,
        _ => false,
    };

    private static bool DirectlyVolatile(RuleNode node)
    {
        foreach (var rule in node.Rules.Append(node.Default))
        {
            for (var r = rule; r is not null; r = r.Else)
            {
                if (r.Body.Any(Volatile) || r.DynamicPath.Append(r.Value).Concat(r.Parameters).Any(t => t is not null && Volatile(t)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Volatile(CLiteral literal) => literal.With.Length > 0 || literal.Expr switch
    {
        CTermExpr t => Volatile(t.Term),
        CUnify u => Volatile(u.Left) || Volatile(u.Right),
        CSomeIn s => (s.Key is not null && Volatile(s.Key)) || Volatile(s.Value) || Volatile(s.Collection),
        CEvery e => Volatile(e.Domain) || e.Body.Any(Volatile),
        _ => false,
    };

    private static bool Volatile(CTerm term) => term switch
    {
        CRef r => r.Root == RefRoot.Input || (r.Head is not null && Volatile(r.Head)) || r.Path.Any(Volatile),
        CCall c => c.Builtin is { Nondeterministic: true } || c.Builtin == SpecialBuiltins.Print || c.Args.Any(Volatile),
        CArray a => a.Items.Any(Volatile),
        CSet s => s.Items.Any(Volatile),
        CObject o => o.Keys.Any(Volatile) || o.Values.Any(Volatile),
        CComprehension c => Volatile(c.Head) || (c.Value is not null && Volatile(c.Value)) || c.Body.Any(Volatile),
        _ => false,
    };
}
