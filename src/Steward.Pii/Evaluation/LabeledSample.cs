namespace Steward.Pii.Evaluation;

/// <summary>One text of a labelled dataset with its gold spans.</summary>
/// <param name="Index">The sample's position in the file, from 0.</param>
/// <param name="Text">The full text.</param>
/// <param name="Spans">The gold spans.</param>
public sealed record LabeledSample(int Index, string Text, IReadOnlyList<LabeledSpan> Spans);
