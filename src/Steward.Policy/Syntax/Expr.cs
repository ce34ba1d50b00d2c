namespace Steward.Policy.Syntax;

/// <summary>The expression of a body literal.</summary>
/// <param name="Location">Where the expression starts.</param>
public abstract record Expr(SourceLocation Location) : Node(Location);
