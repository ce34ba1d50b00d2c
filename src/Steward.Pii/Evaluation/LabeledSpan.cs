namespace Steward.Pii.Evaluation;

/// <summary>A labelled span of a sample: an entity type and the character range <c>[Start, End)</c>.</summary>
/// <param name="EntityType">The label.</param>
/// <param name="Start">The first character.</param>
/// <param name="End">One past the last character.</param>
public readonly record struct LabeledSpan(string EntityType, int Start, int End);
