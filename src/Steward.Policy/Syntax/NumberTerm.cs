namespace Steward.Policy.Syntax;

/// <summary>A JSON number literal, kept as its source text so no precision is lost before evaluation.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Text">The number as written, including a leading minus sign when negative.</param>
public sealed record NumberTerm(SourceLocation Location, string Text) : Term(Location);
