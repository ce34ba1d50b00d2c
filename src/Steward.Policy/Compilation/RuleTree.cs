namespace Steward.Policy.Compilation;

/// <summary>The rules of all modules arranged by their path under <c>data</c>.</summary>
internal sealed class RuleTree
{
    public RuleNode Root { get; } = new([]);

    /// <summary>The number of nodes numbered by <see cref="Number"/>: ids run from 0 to NodeCount - 1.</summary>
    public int NodeCount { get; private set; }

    /// <summary>The number of rules given a <see cref="CRule.GuardId"/>.</summary>
    public int GuardCount { get; set; }

    /// <summary>Gives every node of the compiled tree a dense id for per-query caches.</summary>
    public void Number()
    {
        var next = 0;
        var stack = new Stack<RuleNode>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            node.Id = next++;
            foreach (var child in node.Children.Values)
            {
                stack.Push(child);
            }
        }

        NodeCount = next;
    }

    public IEnumerable<string[]> RulePaths()
    {
        var stack = new Stack<RuleNode>();
        stack.Push(Root);
        var found = new List<(int Order, string[] Path)>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Rules.Count > 0)
            {
                found.Add((node.Rules[0].Order, node.Path));
            }

            foreach (var child in node.Children.Values)
            {
                stack.Push(child);
            }
        }

        return found.OrderBy(f => f.Order).Select(f => f.Path);
    }
}
