namespace Steward.Pii.Recognizers.Names;

/// <summary>A result of the name rules over tokens [<paramref name="First"/>, <paramref name="Last"/>].</summary>
/// <param name="Entity">PERSON, LOCATION, NRP or ORGANIZATION.</param>
/// <param name="First">The first token.</param>
/// <param name="Last">The last token (inclusive).</param>
/// <param name="Score">The score in [0, 1].</param>
/// <param name="Rule">The rule (and list) that found it, for the explanation.</param>
internal readonly record struct NameSpan(string Entity, int First, int Last, double Score, string Rule);
