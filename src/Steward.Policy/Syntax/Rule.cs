namespace Steward.Policy.Syntax;

/// <summary>A rule: complete, multi-value (<c>contains</c>), single-value with a reference head, or function.</summary>
/// <param name="Location">Where the rule starts (the <c>default</c> keyword for default rules).</param>
/// <param name="IsDefault">Whether this is a <c>default</c> rule.</param>
/// <param name="Head">The head.</param>
/// <param name="Body">The body; empty when the rule has none (it then always holds).</param>
/// <param name="Else">The next rule of an <c>else</c> chain, if any; its head repeats this head with the else value.</param>
public sealed record Rule(SourceLocation Location, bool IsDefault, RuleHead Head, IReadOnlyList<Literal> Body, Rule? Else) : Node(Location);
