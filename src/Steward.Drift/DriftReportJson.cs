using System.Text;
using System.Text.Json;

namespace Steward.Drift;

/// <summary>
/// Writes a <see cref="DriftReport"/> as the stable JSON schema of docs/DRIFT.md: <c>dataset_drift</c>,
/// <c>share_of_drifted_columns</c>, <c>number_of_columns</c>, <c>number_of_drifted_columns</c>, <c>drift_share</c> and
/// <c>columns</c> (name → <c>column_type</c>, <c>stattest_name</c>, <c>stattest_threshold</c>, <c>drift_score</c>,
/// <c>statistic</c> where the test has one, <c>drift_detected</c>, sizes and an optional <c>note</c>). NaN and infinities become null.
/// </summary>
public static class DriftReportJson
{
    /// <summary>The report as indented UTF-8 JSON.</summary>
    public static string Serialize(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report to a stream.</summary>
    public static void Write(DriftReport report, Stream stream)
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
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        if (report.ExtraColumns.Count > 0)
        {
            writer.WriteStartArray("extra_columns");
            foreach (var name in report.ExtraColumns) writer.WriteStringValue(name);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
