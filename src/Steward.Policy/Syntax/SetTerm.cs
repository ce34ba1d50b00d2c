namespace Steward.Policy.Syntax;

/// <summary>A set literal <c>{a, b}</c> or the empty set <c>set()</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Items">The elements as written.</param>
public sealed record SetTerm(SourceLocation Location, IReadOnlyList<Term> Items) : Term(Location);
