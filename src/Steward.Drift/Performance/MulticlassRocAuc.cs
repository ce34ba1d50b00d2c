namespace Steward.Drift.Performance;

/// <summary>
/// Multi-class ROC AUC over a probability matrix (one score column per class), as scikit-learn's
/// <c>roc_auc_score(multi_class=..., average=..., labels=classes)</c> defines it. A value is NaN when a class has no row (or,
/// one-vs-rest, every row), where scikit-learn raises; one-vs-one, like scikit-learn, averages over the pairs of classes that
/// occur in the labels (NaN when fewer than 2 occur).
/// </summary>
/// <param name="OneVsRest">Unweighted mean over classes of the AUC of each class's score for that class against the rest (<c>multi_class="ovr", average="macro"</c>).</param>
/// <param name="OneVsRestWeighted">The same, weighted by each class's support (<c>"ovr", "weighted"</c>).</param>
/// <param name="OneVsOne">Hand and Till's mean over pairs of classes (a, b) of ½ [AUC(a | b) + AUC(b | a)], each pair's rows only (<c>"ovo", "macro"</c>).</param>
/// <param name="OneVsOneWeighted">The same, weighted by each pair's share of the rows (<c>"ovo", "weighted"</c>).</param>
/// <param name="PerClass">Each class's one-vs-rest AUC, in class order.</param>
/// <param name="ErrorBound">0 when exact; binned: the largest of the four averages' bounds (½ the tied pairs' share, averaged alike).</param>
/// <param name="Rows">Rows with a score for every class and a label among the classes.</param>
public sealed record MulticlassRocAuc(double OneVsRest, double OneVsRestWeighted, double OneVsOne, double OneVsOneWeighted,
    IReadOnlyList<(string Class, double Auc)> PerClass, double ErrorBound, long Rows);
