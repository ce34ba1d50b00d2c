namespace Steward.Policy.Compilation;

/// <summary>The rules of all modules arranged by their path under <c>data</c>.</summary>
internal sealed class RuleTree
{
    public IEnumerable<string[]> RulePaths() => [];
}
