namespace Steward.Policy.Syntax;

/// <summary>A membership test <c>x in xs</c> or <c>k, v in xs</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Key">The key (or index) for the two-variable form, otherwise null.</param>
/// <param name="Value">The value tested for membership.</param>
/// <param name="Collection">The collection.</param>
public sealed record MembershipTerm(SourceLocation Location, Term? Key, Term Value, Term Collection) : Term(Location);
