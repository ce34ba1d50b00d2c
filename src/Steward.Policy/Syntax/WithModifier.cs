namespace Steward.Policy.Syntax;

/// <summary>A <c>with target as value</c> modifier.</summary>
/// <param name="Location">Where the <c>with</c> keyword is.</param>
/// <param name="Target">The replaced document or function (a reference or variable).</param>
/// <param name="Value">The replacement.</param>
public sealed record WithModifier(SourceLocation Location, Term Target, Term Value) : Node(Location);
