namespace Steward.Policy.Syntax;

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Value">The boolean value.</param>
public sealed record BooleanTerm(SourceLocation Location, bool Value) : Term(Location);
