namespace Steward.Policy.Syntax;

/// <summary>A local variable declaration <c>some x, y</c>.</summary>
/// <param name="Location">Where the <c>some</c> keyword is.</param>
/// <param name="Variables">The declared variables.</param>
public sealed record SomeDeclExpr(SourceLocation Location, IReadOnlyList<VarTerm> Variables) : Expr(Location);
