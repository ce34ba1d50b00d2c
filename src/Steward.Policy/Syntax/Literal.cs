namespace Steward.Policy.Syntax;

/// <summary>One statement of a rule body or query: an expression, possibly negated, with its <c>with</c> modifiers.</summary>
/// <param name="Location">Where the literal starts (the <c>not</c> keyword when negated).</param>
/// <param name="Negated">Whether the literal is prefixed by <c>not</c>.</param>
/// <param name="Expression">The expression.</param>
/// <param name="With">The <c>with</c> modifiers in order.</param>
public sealed record Literal(SourceLocation Location, bool Negated, Expr Expression, IReadOnlyList<WithModifier> With) : Node(Location);
