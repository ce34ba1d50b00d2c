using System.Text.Json.Nodes;
using Steward.Drift.Fairness;
using Steward.Drift.Performance;
using static Steward.Drift.Reports.DriftReportJsonReader;

namespace Steward.Drift.Reports;

/// <summary>
/// Reads a report's <c>performance</c> and <c>fairness</c> sections (as <see cref="PerformanceJson"/> and
/// <see cref="FairnessReportJson"/> write them) back into their records. What the JSON does not carry stays empty:
/// the confusion counts of a classification, the positive and negative counts behind a ROC AUC.
/// </summary>
internal static class ModelSectionsJsonReader
{
    public static PerformanceSection Performance(JsonObject p)
    {
        var task = p["task"]?.ToString() == "regression" ? PerformanceTask.Regression : PerformanceTask.Classification;
        var positive = p["positive_class"]?.ToString() ?? "1";
        return new PerformanceSection
        {
            Task = task,
            Target = p["target"]?.ToString() ?? "",
            Prediction = p["prediction"]?.ToString() ?? "",
            PredictionScore = p["prediction_score"]?.ToString(),
            ClassScores = (p["prediction_scores"] as JsonObject ?? []).Select(c => KeyValuePair.Create(c.Key, c.Value?.ToString() ?? "")).ToList(),
            Reference = p["reference"] is JsonObject reference ? Metrics(reference, task, positive) : null,
            Current = Metrics(p["current"] as JsonObject ?? [], task, positive),
            ReferenceSkippedRows = Count((p["reference"] as JsonObject)?["skipped_rows"]),
            CurrentSkippedRows = Count((p["current"] as JsonObject)?["skipped_rows"]),
        };
    }

    public static IReadOnlyList<FairnessSection> Fairness(JsonObject f) => f
        .Where(a => a.Value is JsonObject { } s && s["current"] is JsonObject)
        .Select(a => (Attribute: a.Key, Section: (JsonObject)a.Value!))
        .Select(a => new FairnessSection
        {
            Attribute = a.Attribute,
            Privileged = a.Section["privileged"]?.ToString(),
            Current = Report(a.Attribute, (JsonObject)a.Section["current"]!),
            Reference = a.Section["reference"] is JsonObject reference ? Report(a.Attribute, reference) : null,
        })
        .ToList();

    private static PerformanceMetrics Metrics(JsonObject m, PerformanceTask task, string positive)
    {
        var rows = Count(m["rows"]);
        if (task == PerformanceTask.Regression)
        {
            return new PerformanceMetrics
            {
                Task = task, Count = rows,
                Regression = new RegressionMetrics
                {
                    Count = rows, MeanError = Number(m["mean_error"]), MeanAbsoluteError = Number(m["mae"]),
                    RootMeanSquaredError = Number(m["rmse"]), R2 = Number(m["r2"]),
                },
            };
        }
        var (auc, bound) = (Number(m["roc_auc"]), Number(m["roc_auc_error_bound"]));
        var classes = (m["classes"] as JsonObject ?? []).Select(c => c.Value is JsonObject o
            ? new ClassMetrics(c.Key, Number(o["precision"]), Number(o["recall"]), Number(o["f1"]), Count(o["support"]))
            : new ClassMetrics(c.Key, double.NaN, double.NaN, double.NaN, 0)).ToList();
        return new PerformanceMetrics
        {
            Task = task, Count = rows,
            Classification = new ClassificationMetrics
            {
                Count = rows, PositiveClass = positive,
                Accuracy = Number(m["accuracy"]), Precision = Number(m["precision"]), Recall = Number(m["recall"]), F1 = Number(m["f1"]),
                MacroPrecision = Number(m["macro_precision"]), MacroRecall = Number(m["macro_recall"]), MacroF1 = Number(m["macro_f1"]),
                WeightedPrecision = Number(m["weighted_precision"]), WeightedRecall = Number(m["weighted_recall"]), WeightedF1 = Number(m["weighted_f1"]),
                MicroPrecision = Number(m["micro_precision"]), MicroRecall = Number(m["micro_recall"]), MicroF1 = Number(m["micro_f1"]),
                Classes = classes,
                Confusion = new Dictionary<(string Label, string Prediction), long>(),
                RocAuc = double.IsFinite(auc) || double.IsFinite(bound) ? new RocAuc(auc, double.IsFinite(bound) ? bound : 0, 0, 0) : null,
                MulticlassRocAuc = Multiclass(m),
            },
        };
    }

    // Written only when the report had one score column per class (PerformanceJson writes roc_auc_rows then).
    private static MulticlassRocAuc? Multiclass(JsonObject m)
    {
        if (!m.ContainsKey("roc_auc_rows")) return null;
        var bound = Number(m["multiclass_roc_auc_error_bound"]);
        var perClass = (m["roc_auc_per_class"] as JsonObject ?? []).Select(c => (c.Key, Number(c.Value))).ToList();
        return new MulticlassRocAuc(Number(m["roc_auc_ovr"]), Number(m["roc_auc_ovr_weighted"]), Number(m["roc_auc_ovo"]), Number(m["roc_auc_ovo_weighted"]),
            perClass, double.IsFinite(bound) ? bound : 0, Count(m["roc_auc_rows"]));
    }

    private static FairnessReport Report(string attribute, JsonObject r)
    {
        var groups = (r["groups"] as JsonObject ?? []).Select(g => Group(g.Key, g.Value as JsonObject ?? [])).ToList();
        return new FairnessReport
        {
            Attribute = r["attribute"]?.ToString() ?? attribute,
            Groups = groups,
            DemographicParityDifference = Number(r["demographic_parity_difference"]),
            DemographicParityRatio = Number(r["demographic_parity_ratio"]),
            EqualizedOddsDifference = Number(r["equalized_odds_difference"]),
            EqualizedOddsRatio = Number(r["equalized_odds_ratio"]),
            EqualOpportunityDifferenceAcrossGroups = Number(r["true_positive_rate_difference"]),
            EqualOpportunityRatio = Number(r["true_positive_rate_ratio"]),
            TheilIndex = Number(r["theil_index"]),
            Privileged = r["privileged"] is JsonObject p
                ? new PrivilegedComparison
                {
                    PrivilegedGroup = p["group"]?.ToString() ?? "",
                    DisparateImpact = Number(p["disparate_impact"]),
                    FourFifthsRulePasses = Flag(p["four_fifths_rule_passes"]),
                    StatisticalParityDifference = Number(p["statistical_parity_difference"]),
                    AverageOddsDifference = Number(p["average_odds_difference"]),
                    EqualOpportunityDifference = Number(p["equal_opportunity_difference"]),
                }
                : null,
        };
    }

    // Reports written before the counts were added carry only the rates: the counts are rebuilt from them (exact
    // whenever the true and false positive rates differ or one of them is undefined).
    private static GroupRates Group(string name, JsonObject g)
    {
        var n = Count(g["count"]);
        if (g.ContainsKey("positives"))
            return new GroupRates(name, n, Count(g["true_positives"]), Count(g["false_positives"]), Count(g["positives"]), Count(g["negatives"]));
        var (s, t, f) = (Number(g["selection_rate"]), Number(g["true_positive_rate"]), Number(g["false_positive_rate"]));
        long positives = !double.IsFinite(t) ? 0 : !double.IsFinite(f) ? n : t == f ? n / 2 : (long)Math.Round(n * (s - f) / (t - f));
        positives = Math.Clamp(positives, 0, n);
        var tp = double.IsFinite(t) ? (long)Math.Round(t * positives) : 0;
        var fp = double.IsFinite(f) ? (long)Math.Round(f * (n - positives)) : 0;
        return new GroupRates(name, n, tp, fp, positives, n - positives);
    }
}
