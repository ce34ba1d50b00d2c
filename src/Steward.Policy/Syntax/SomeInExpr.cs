namespace Steward.Policy.Syntax;

/// <summary>An iteration <c>some x in xs</c> or <c>some k, v in xs</c>.</summary>
/// <param name="Location">Where the <c>some</c> keyword is.</param>
/// <param name="Key">The key (or index) term of the two-variable form, otherwise null.</param>
/// <param name="Value">The value term.</param>
/// <param name="Collection">The collection iterated over.</param>
public sealed record SomeInExpr(SourceLocation Location, Term? Key, Term Value, Term Collection) : Expr(Location);
