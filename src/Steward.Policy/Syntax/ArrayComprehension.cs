namespace Steward.Policy.Syntax;

/// <summary>An array comprehension <c>[term | body]</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Head">The term collected for each solution of the body.</param>
/// <param name="Body">The body.</param>
public sealed record ArrayComprehension(SourceLocation Location, Term Head, IReadOnlyList<Literal> Body) : Term(Location);
