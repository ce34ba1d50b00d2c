using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Drift.Reports;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Reads a run's stored report JSON (the schema <see cref="DriftReportJson"/> writes, with histograms) back into a
/// <see cref="DriftReport"/> for the HTML report; trend points of earlier runs come from their run rows alone.
/// Performance and fairness sections are not read back (the HTML shows them only when the engine hands them over).
/// </summary>
internal static class StoredReport
{
    /// <summary>The run's full report, or <see langword="null"/> when the run has none (insufficient data, failed).</summary>
    public static DriftReport? Read(MonitorRun run)
    {
        if (run.Report is not JsonObject report || report["columns"] is not JsonObject columns) return null;
        var results = columns.Select(c => Column(c.Key, c.Value as JsonObject ?? [])).ToList();
        return new DriftReport
        {
            DatasetDrift = report["dataset_drift"]?.GetValue<bool>() ?? false,
            ShareOfDriftedColumns = Number(report["share_of_drifted_columns"]),
            NumberOfColumns = (int)Number(report["number_of_columns"]),
            NumberOfDriftedColumns = (int)Number(report["number_of_drifted_columns"]),
            DriftShare = Number(report["drift_share"]),
            Columns = results,
            ExtraColumns = report["extra_columns"] is JsonArray extra ? extra.Select(e => e?.ToString() ?? "").ToList() : [],
        };
    }

    /// <summary>A trend point: an earlier run's share of drifted columns, with the monitor's drift share; no columns.</summary>
    public static DriftReport Point(MonitorRun run, double driftShare) => new()
    {
        DatasetDrift = run.Status == "drift",
        ShareOfDriftedColumns = run.ShareOfDriftedColumns ?? double.NaN,
        NumberOfColumns = run.NumberOfColumns ?? 0,
        NumberOfDriftedColumns = run.NumberOfDriftedColumns ?? 0,
        DriftShare = driftShare,
        Columns = [],
    };

    private static ColumnDriftResult Column(string name, JsonObject c) => new()
    {
        Column = name,
        ColumnType = c["column_type"]?.ToString() == "num" ? ColumnType.Numerical : ColumnType.Categorical,
        StatTestName = c["stattest_name"]?.ToString() ?? "",
        StatTestThreshold = Number(c["stattest_threshold"]),
        DriftScore = Number(c["drift_score"]),
        Statistic = c["statistic"] is { } s ? Number(s) : null,
        DriftDetected = c["drift_detected"]?.GetValue<bool>() ?? false,
        ReferenceSize = (int)Number(c["reference_size"]),
        CurrentSize = (int)Number(c["current_size"]),
        Note = c["note"]?.ToString(),
        Histogram = c["histogram"] is JsonObject h ? Histogram(h) : null,
    };

    private static ColumnHistogram? Histogram(JsonObject h)
    {
        if (h["reference"] is not JsonArray reference || h["current"] is not JsonArray current || reference.Count != current.Count) return null;
        return new ColumnHistogram
        {
            Edges = h["edges"] is JsonArray edges ? edges.Select(Number).ToList() : null,
            Categories = h["categories"] is JsonArray categories ? categories.Select(v => v?.ToString() ?? "").ToList() : null,
            Reference = reference.Select(n => (long)Number(n)).ToList(),
            Current = current.Select(n => (long)Number(n)).ToList(),
        };
    }

    // Stored reports write NaN and infinities as null.
    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;
}
