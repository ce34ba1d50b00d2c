namespace Steward.Policy.Syntax;

/// <summary>An expression that is a single term, true when the term is defined and not false.</summary>
/// <param name="Location">Where the expression starts.</param>
/// <param name="Term">The term.</param>
public sealed record TermExpr(SourceLocation Location, Term Term) : Expr(Location);
