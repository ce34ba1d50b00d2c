namespace Steward.Policy.Syntax;

/// <summary>A unification <c>left = right</c>.</summary>
/// <param name="Location">Where the expression starts.</param>
/// <param name="Left">The left term.</param>
/// <param name="Right">The right term.</param>
public sealed record UnifyExpr(SourceLocation Location, Term Left, Term Right) : Expr(Location);
