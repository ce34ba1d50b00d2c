namespace Steward.Policy.Syntax;

/// <summary>An array literal <c>[a, b]</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Items">The elements in order.</param>
public sealed record ArrayTerm(SourceLocation Location, IReadOnlyList<Term> Items) : Term(Location);
