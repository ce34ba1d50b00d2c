namespace Steward.Drift.Performance;

/// <summary>A model's quality on one dataset: classification or regression metrics.</summary>
public sealed record PerformanceMetrics
{
    /// <summary>The task the metrics belong to.</summary>
    public required PerformanceTask Task { get; init; }

    /// <summary>Rows measured (rows with a label and a prediction).</summary>
    public required long Count { get; init; }

    /// <summary>Set for <see cref="PerformanceTask.Classification"/>.</summary>
    public ClassificationMetrics? Classification { get; init; }

    /// <summary>Set for <see cref="PerformanceTask.Regression"/>.</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>The headline metrics by their report names (<c>accuracy</c>, <c>precision</c>, <c>mae</c>...), NaN when undefined.</summary>
    public IReadOnlyList<(string Name, double Value)> Headline() => Classification is { } c
        ?
        [
            ("accuracy", c.Accuracy), ("precision", c.Precision), ("recall", c.Recall), ("f1", c.F1),
            ("macro_precision", c.MacroPrecision), ("macro_recall", c.MacroRecall), ("macro_f1", c.MacroF1),
            ("weighted_precision", c.WeightedPrecision), ("weighted_recall", c.WeightedRecall), ("weighted_f1", c.WeightedF1),
            ("micro_precision", c.MicroPrecision), ("micro_recall", c.MicroRecall), ("micro_f1", c.MicroF1),
            ("roc_auc", c.RocAuc?.Value ?? double.NaN),
            .. c.MulticlassRocAuc is { } m
                ? new[] { ("roc_auc_ovr", m.OneVsRest), ("roc_auc_ovr_weighted", m.OneVsRestWeighted), ("roc_auc_ovo", m.OneVsOne), ("roc_auc_ovo_weighted", m.OneVsOneWeighted) }
                : [],
        ]
        :
        [
            ("mean_error", Regression!.MeanError), ("mae", Regression.MeanAbsoluteError),
            ("rmse", Regression.RootMeanSquaredError), ("r2", Regression.R2),
        ];
}
