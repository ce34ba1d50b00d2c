namespace Steward.Pii.Scanning;

/// <summary>A redacted excerpt of a cell and the row it came from.</summary>
/// <param name="Row">The 1-based data row.</param>
/// <param name="Text">The excerpt, redacted.</param>
public sealed record RedactedSample(long Row, string Text);
