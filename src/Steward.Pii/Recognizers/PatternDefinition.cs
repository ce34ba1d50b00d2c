namespace Steward.Pii.Recognizers;

/// <summary>A named regular expression and the score a match gets (Presidio's <c>Pattern</c>).</summary>
/// <param name="Name">The pattern's name, reported in explanations.</param>
/// <param name="Regex">The expression, in Python <c>re</c> syntax.</param>
/// <param name="Score">The score of a match, from 0 to 1.</param>
public sealed record PatternDefinition(string Name, string Regex, double Score);
