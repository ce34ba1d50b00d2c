using System.Text.Json;
using Steward.Drift.Performance;

namespace Steward.Drift.Reports;

/// <summary>Writes a drift report's <c>performance</c> section (schema in docs/DRIFT.md; NaN as null).</summary>
internal static class PerformanceJson
{
    public static void Write(Utf8JsonWriter w, PerformanceSection section)
    {
        w.WriteStartObject("performance");
        w.WriteString("task", section.Task == PerformanceTask.Classification ? "classification" : "regression");
        w.WriteString("target", section.Target);
        w.WriteString("prediction", section.Prediction);
        if (section.PredictionScore is not null) w.WriteString("prediction_score", section.PredictionScore);
        if (section.ClassScores.Count > 0)
        {
            w.WriteStartObject("prediction_scores");
            foreach (var (cls, column) in section.ClassScores) w.WriteString(cls, column);
            w.WriteEndObject();
        }
        if (section.Current.Classification is { } c) w.WriteString("positive_class", c.PositiveClass);
        if (section.Reference is { } reference) Metrics(w, "reference", reference, section.ReferenceSkippedRows);
        else w.WriteNull("reference");
        Metrics(w, "current", section.Current, section.CurrentSkippedRows);
        w.WriteStartObject("change");
        foreach (var change in section.Changes()) Number(w, change.Name, change.Change);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Metrics(Utf8JsonWriter w, string name, PerformanceMetrics metrics, long skipped)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rows", metrics.Count);
        w.WriteNumber("skipped_rows", skipped);
        foreach (var (metric, value) in metrics.Headline()) Number(w, metric, value);
        if (metrics.Classification is { } c)
        {
            if (c.RocAuc is { ErrorBound: > 0 } auc) w.WriteNumber("roc_auc_error_bound", auc.ErrorBound);
            if (c.MulticlassRocAuc is { } multiclass)
            {
                w.WriteNumber("roc_auc_rows", multiclass.Rows);
                if (multiclass.ErrorBound > 0) w.WriteNumber("multiclass_roc_auc_error_bound", multiclass.ErrorBound);
                w.WriteStartObject("roc_auc_per_class");
                foreach (var (cls, value) in multiclass.PerClass) Number(w, cls, value);
                w.WriteEndObject();
            }
            w.WriteStartObject("classes");
            foreach (var cls in c.Classes)
            {
                w.WriteStartObject(cls.Class);
                w.WriteNumber("precision", cls.Precision);
                w.WriteNumber("recall", cls.Recall);
                w.WriteNumber("f1", cls.F1);
                w.WriteNumber("support", cls.Support);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    internal static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
