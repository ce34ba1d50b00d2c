namespace Steward.Policy.Syntax;

/// <summary>A universal quantifier <c>every k, v in domain { body }</c>.</summary>
/// <param name="Location">Where the <c>every</c> keyword is.</param>
/// <param name="Key">The key (or index) term of the two-variable form, otherwise null.</param>
/// <param name="Value">The value term.</param>
/// <param name="Domain">The collection quantified over.</param>
/// <param name="Body">The body that must hold for every element.</param>
public sealed record EveryExpr(SourceLocation Location, Term? Key, Term Value, Term Domain, IReadOnlyList<Literal> Body) : Expr(Location);
