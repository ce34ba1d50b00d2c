namespace Steward.Drift.Performance;

/// <summary>Classification quality over a set of rows (scikit-learn's definitions).</summary>
public sealed record ClassificationMetrics
{
    /// <summary>Rows measured.</summary>
    public required long Count { get; init; }

    /// <summary>The class treated as positive by <see cref="Precision"/>, <see cref="Recall"/>, <see cref="F1"/> and <see cref="RocAuc"/>.</summary>
    public required string PositiveClass { get; init; }

    /// <summary>Correct predictions / rows (<c>accuracy_score</c>).</summary>
    public required double Accuracy { get; init; }

    /// <summary>Precision of the positive class (<c>precision_score</c>, <c>average="binary"</c>).</summary>
    public required double Precision { get; init; }

    /// <summary>Recall of the positive class.</summary>
    public required double Recall { get; init; }

    /// <summary>F1 of the positive class.</summary>
    public required double F1 { get; init; }

    /// <summary>Unweighted mean of the per-class precisions over every class seen in labels or predictions (<c>average="macro"</c>).</summary>
    public required double MacroPrecision { get; init; }

    /// <summary>Macro recall.</summary>
    public required double MacroRecall { get; init; }

    /// <summary>Macro F1 (the mean of the per-class F1 scores, as scikit-learn computes it).</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Per-class precisions weighted by support (<c>average="weighted"</c>; classes never labelled weigh 0).</summary>
    public double WeightedPrecision { get; init; }

    /// <summary>Weighted recall (equals accuracy: Σ TP / rows).</summary>
    public double WeightedRecall { get; init; }

    /// <summary>Per-class F1 scores weighted by support (<c>average="weighted"</c>).</summary>
    public double WeightedF1 { get; init; }

    /// <summary>Σ TP / Σ predicted over all classes (<c>average="micro"</c>; single-label data: equals accuracy).</summary>
    public double MicroPrecision { get; init; }

    /// <summary>Σ TP / Σ support (<c>average="micro"</c>).</summary>
    public double MicroRecall { get; init; }

    /// <summary>2 P R / (P + R) of the micro precision and recall.</summary>
    public double MicroF1 { get; init; }

    /// <summary>Per class, ordered by label.</summary>
    public required IReadOnlyList<ClassMetrics> Classes { get; init; }

    /// <summary>Confusion counts: (true label, predicted label) → rows.</summary>
    public required IReadOnlyDictionary<(string Label, string Prediction), long> Confusion { get; init; }

    /// <summary>ROC AUC of the scores for the positive class; <see langword="null"/> when no row had a score.</summary>
    public RocAuc? RocAuc { get; init; }

    /// <summary>Multi-class ROC AUC over one score column per class; <see langword="null"/> without class scores or scored rows.</summary>
    public MulticlassRocAuc? MulticlassRocAuc { get; init; }
}
