namespace Steward.Policy.Syntax;

/// <summary>The literal <c>null</c>.</summary>
/// <param name="Location">Where the term starts.</param>
public sealed record NullTerm(SourceLocation Location) : Term(Location);
