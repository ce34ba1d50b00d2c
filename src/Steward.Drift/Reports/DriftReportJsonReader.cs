using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Drift.Reports;

/// <summary>
/// Reads the JSON that <see cref="DriftReportJson"/> writes back into a <see cref="DriftReport"/>: the verdict, the
/// columns with their histograms, and the performance and fairness sections, so a stored report (a monitor run's)
/// renders with the same HTML as a fresh one. Null numbers read as NaN; fields the reader does not know are ignored.
/// Writing what it reads gives the same JSON again.
/// </summary>
public static class DriftReportJsonReader
{
    /// <summary>Reads a report from its JSON text.</summary>
    /// <exception cref="DriftException">The text is not a JSON object with <c>columns</c>.</exception>
    public static DriftReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DriftException($"not a drift report: invalid JSON ({e.Message})");
        }
        return Read(node as JsonObject ?? throw new DriftException("not a drift report: the JSON is not an object"));
    }

    /// <summary>Reads a report from its parsed JSON.</summary>
    /// <exception cref="DriftException">The object has no <c>columns</c> object.</exception>
    public static DriftReport Read(JsonObject report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report["columns"] is not JsonObject columns) throw new DriftException("not a drift report: no 'columns' object");
        return new DriftReport
        {
            DatasetDrift = Flag(report["dataset_drift"]),
            ShareOfDriftedColumns = Number(report["share_of_drifted_columns"]),
            NumberOfColumns = (int)Count(report["number_of_columns"]),
            NumberOfDriftedColumns = (int)Count(report["number_of_drifted_columns"]),
            DriftShare = Number(report["drift_share"]),
            Columns = columns.Select(c => Column(c.Key, c.Value as JsonObject ?? [])).ToList(),
            ExtraColumns = report["extra_columns"] is JsonArray extra ? extra.Select(e => e?.ToString() ?? "").ToList() : [],
            Performance = report["performance"] is JsonObject performance ? ModelSectionsJsonReader.Performance(performance) : null,
            Fairness = report["fairness"] is JsonObject fairness ? ModelSectionsJsonReader.Fairness(fairness) : null,
        };
    }

    private static ColumnDriftResult Column(string name, JsonObject c) => new()
    {
        Column = name,
        ColumnType = c["column_type"]?.ToString() == "num" ? ColumnType.Numerical : ColumnType.Categorical,
        StatTestName = c["stattest_name"]?.ToString() ?? "",
        StatTestThreshold = Number(c["stattest_threshold"]),
        DriftScore = Number(c["drift_score"]),
        Statistic = c.ContainsKey("statistic") ? Number(c["statistic"]) : null,
        DriftDetected = Flag(c["drift_detected"]),
        ReferenceSize = (int)Count(c["reference_size"]),
        CurrentSize = (int)Count(c["current_size"]),
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
            Reference = reference.Select(Count).ToList(),
            Current = current.Select(Count).ToList(),
        };
    }

    /// <summary>A number; null (how NaN and infinities are written) and anything else reads as NaN.</summary>
    internal static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;

    /// <summary>A count; anything but a whole number reads as 0.</summary>
    internal static long Count(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    internal static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
