namespace Steward.Pii.Anonymization;

/// <summary>The anonymized (or deanonymized) text and what was done, items in Presidio's order (last span first).</summary>
/// <param name="Text">The output text.</param>
/// <param name="Items">The operations, with positions in <paramref name="Text"/>.</param>
public sealed record AnonymizerResult(string Text, IReadOnlyList<AnonymizedItem> Items);
