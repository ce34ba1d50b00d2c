namespace Steward.Pii.Evaluation;

/// <summary>An example of a mistake: a gold span missed, or a prediction matching no gold span.</summary>
/// <param name="Sample">The sample index.</param>
/// <param name="EntityType">The type.</param>
/// <param name="Kind"><c>missed</c> or <c>spurious</c>.</param>
/// <param name="Value">The span's text.</param>
/// <param name="Context">Up to 40 characters either side, for reading the mistake.</param>
public sealed record EvaluationError(int Sample, string EntityType, string Kind, string Value, string Context);
