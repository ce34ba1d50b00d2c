namespace Steward.Policy.Syntax;

/// <summary>A string literal (quoted with escapes decoded, or raw between backticks).</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Value">The decoded string value.</param>
public sealed record StringTerm(SourceLocation Location, string Value) : Term(Location);
