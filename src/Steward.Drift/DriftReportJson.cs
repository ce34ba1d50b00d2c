using System.Text;
using System.Text.Json;

namespace Steward.Drift;

/// <summary>
/// Writes a <see cref="DriftReport"/> as the stable JSON schema of docs/DRIFT.md: <c>dataset_drift</c>,
/// <c>share_of_drifted_columns</c>, <c>number_of_columns</c>, <c>number_of_drifted_columns</c>, <c>drift_share</c> and
/// <c>columns</c> (name → <c>column_type</c>, <c>stattest_name</c>, <c>stattest_threshold</c>, <c>drift_score</c>,
/// <c>statistic</c> where the test has one, <c>drift_detected</c>, sizes and an optional <c>note</c>), then the optional
/// <c>performance</c> and <c>fairness</c> sections and, when asked, each column's <c>histogram</c>. NaN and infinities become null.
/// </summary>
public static class DriftReportJson
{
    /// <summary>The report as indented UTF-8 JSON; <paramref name="includeHistograms"/> adds each column's chart histogram.</summary>
    public static string Serialize(DriftReport report, bool includeHistograms = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        Write(report, stream, includeHistograms);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report to a stream; <paramref name="includeHistograms"/> adds each column's chart histogram.</summary>
    public static void Write(DriftReport report, Stream stream, bool includeHistograms = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteBoolean("dataset_drift", report.DatasetDrift);
        writer.WriteNumber("share_of_drifted_columns", report.ShareOfDriftedColumns);
        writer.WriteNumber("number_of_columns", report.NumberOfColumns);
        writer.WriteNumber("number_of_drifted_columns", report.NumberOfDriftedColumns);
        writer.WriteNumber("drift_share", report.DriftShare);
        writer.WriteStartObject("columns");
        foreach (var column in report.Columns)
        {
            writer.WriteStartObject(column.Column);
            writer.WriteString("column_type", column.ColumnType == ColumnType.Numerical ? "num" : "cat");
            writer.WriteString("stattest_name", column.StatTestName);
            writer.WriteNumber("stattest_threshold", column.StatTestThreshold);
            Number(writer, "drift_score", column.DriftScore);
            if (column.Statistic is { } statistic) Number(writer, "statistic", statistic);
            writer.WriteBoolean("drift_detected", column.DriftDetected);
            writer.WriteNumber("reference_size", column.ReferenceSize);
            writer.WriteNumber("current_size", column.CurrentSize);
            if (column.Note is not null) writer.WriteString("note", column.Note);
            if (includeHistograms && column.Histogram is { } histogram) Histogram(writer, histogram);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        if (report.ExtraColumns.Count > 0)
        {
            writer.WriteStartArray("extra_columns");
            foreach (var name in report.ExtraColumns) writer.WriteStringValue(name);
            writer.WriteEndArray();
        }
        if (report.Performance is { } performance) Reports.PerformanceJson.Write(writer, performance);
        if (report.Fairness is { } fairness)
        {
            writer.WriteStartObject("fairness");
            foreach (var section in fairness)
            {
                writer.WriteStartObject(section.Attribute);
                if (section.Privileged is not null) writer.WriteString("privileged", section.Privileged);
                writer.WritePropertyName("current");
                Fairness.FairnessReportJson.Write(writer, section.Current);
                writer.WritePropertyName("reference");
                if (section.Reference is { } reference) Fairness.FairnessReportJson.Write(writer, reference);
                else writer.WriteNullValue();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void Histogram(Utf8JsonWriter writer, Reports.ColumnHistogram histogram)
    {
        writer.WriteStartObject("histogram");
        if (histogram.Edges is { } edges)
        {
            writer.WriteStartArray("edges");
            foreach (var e in edges) writer.WriteNumberValue(e);
            writer.WriteEndArray();
        }
        if (histogram.Categories is { } categories)
        {
            writer.WriteStartArray("categories");
            foreach (var c in categories) writer.WriteStringValue(c);
            writer.WriteEndArray();
        }
        writer.WriteStartArray("reference");
        foreach (var n in histogram.Reference) writer.WriteNumberValue(n);
        writer.WriteEndArray();
        writer.WriteStartArray("current");
        foreach (var n in histogram.Current) writer.WriteNumberValue(n);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
