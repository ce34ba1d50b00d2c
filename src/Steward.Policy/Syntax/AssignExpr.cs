namespace Steward.Policy.Syntax;

/// <summary>A local assignment <c>left := right</c>.</summary>
/// <param name="Location">Where the expression starts.</param>
/// <param name="Left">The assigned term (a variable or a composite of variables).</param>
/// <param name="Right">The value.</param>
public sealed record AssignExpr(SourceLocation Location, Term Left, Term Right) : Expr(Location);
