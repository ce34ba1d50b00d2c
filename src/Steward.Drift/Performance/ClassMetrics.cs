namespace Steward.Drift.Performance;

/// <summary>One class against the rest, as scikit-learn's <c>precision_recall_fscore_support</c> computes it.</summary>
/// <param name="Class">The class label.</param>
/// <param name="Precision">TP / (TP + FP); 0 when nothing was predicted as the class (scikit-learn's zero_division default).</param>
/// <param name="Recall">TP / (TP + FN); 0 when the class never occurs.</param>
/// <param name="F1">2 P R / (P + R); 0 when both are 0.</param>
/// <param name="Support">Rows whose true label is the class.</param>
public sealed record ClassMetrics(string Class, double Precision, double Recall, double F1, long Support);
