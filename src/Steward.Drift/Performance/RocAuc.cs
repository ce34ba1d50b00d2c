namespace Steward.Drift.Performance;

/// <summary>A ROC AUC with the counts behind it.</summary>
/// <param name="Value">The area; NaN without positives or negatives.</param>
/// <param name="ErrorBound">0 when exact; in binned mode the largest possible distance from the exact AUC.</param>
/// <param name="Positives">Scored rows of the positive class.</param>
/// <param name="Negatives">Scored rows of the other classes.</param>
public sealed record RocAuc(double Value, double ErrorBound, long Positives, long Negatives);
