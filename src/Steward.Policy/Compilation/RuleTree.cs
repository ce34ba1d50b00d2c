namespace Steward.Policy.Compilation;

/// <summary>The rules of all modules arranged by their path under <c>data</c>.</summary>
internal sealed class RuleTree
{
    public RuleNode Root { get; } = new([]);

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
