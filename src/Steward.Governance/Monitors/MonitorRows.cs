using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>The SQL that reads monitors and runs, and the readers that turn rows into records.</summary>
internal static class MonitorRows
{
    public const string RunColumns = "r.id, r.monitor_id, r.window_seq, r.trigger_kind, r.status, r.run_at, r.window_opened_at, r.rows_seen, " +
        "r.share_drifted, r.drifted_columns, r.number_of_columns, r.top_columns, r.report_sha256, r.run_by, r.ledger_index";

    public const string SelectMonitors =
        "SELECT m.id, m.name, m.model_id, m.endpoint, m.definition, m.reference_sha256, m.reference_rows, m.reference_columns, m.reference_at, " +
        "m.reference_by, m.window_seq, m.next_run_at, m.created_at, m.created_by, m.updated_at, m.ledger_index, " +
        "w.status, w.opened_at, w.closed_at, w.rows_seen, w.batches, " + RunColumns +
        " FROM drift_monitors m JOIN drift_windows w ON w.monitor_id = m.id AND w.seq = m.window_seq" +
        " LEFT JOIN drift_runs r ON r.id = (SELECT r2.id FROM drift_runs r2 WHERE r2.monitor_id = m.id ORDER BY r2.window_seq DESC LIMIT 1)";

    public static string SerializeSpec(MonitorSpec spec) => JsonSerializer.Serialize(spec, GovernanceJson.Options);

    public static MonitorSpec ParseSpec(string json) =>
        JsonSerializer.Deserialize<MonitorSpec>(json, GovernanceJson.Options) ?? throw new InvalidOperationException("a monitor without a definition");

    public static Dictionary<string, string> ParseColumns(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, GovernanceJson.Options) ?? [];

    public static DriftMonitor ReadMonitor(DbDataReader r)
    {
        var spec = ParseSpec(r.GetString(4));
        var reference = r.IsDBNull(5) ? null : new MonitorReference(r.GetString(5), r.GetInt64(6), ParseColumns(r.GetString(7)),
            Timestamps.Parse(r.GetString(8)), r.GetString(9));
        var window = new MonitorWindow(r.GetInt64(10), r.GetString(16), Timestamps.Parse(r.GetString(17)),
            r.IsDBNull(18) ? null : Timestamps.Parse(r.GetString(18)), r.GetInt64(19), r.GetInt64(20));
        var last = r.IsDBNull(21) ? null : ReadRun(r, 21, withReport: false);
        var status = reference is null ? "no_reference" : last?.Status ?? "pending";
        return new DriftMonitor(r.GetString(0), r.GetString(1), r.StringOrNull(2), r.StringOrNull(3), spec.Description,
            WindowLength.Format(spec.WindowSeconds), spec.WindowSeconds, spec.Schedule, spec.Features, spec.Prediction, spec.Label, spec.Sensitive,
            spec.Categorical, spec.Numerical, spec.Columns, spec.DriftShare, spec.MinRows, status, reference, window, last,
            Timestamps.Parse(r.GetString(11)), Timestamps.Parse(r.GetString(12)), r.GetString(13), Timestamps.Parse(r.GetString(14)), r.GetInt64(15),
            spec.PredictionScore, spec.Task, spec.PositiveClass, spec.Privileged, spec.PerformanceThresholds,
            spec.IdColumn, spec.LabelTtlSeconds is { } ttl ? WindowLength.Format(ttl) : null, spec.LabelTtlSeconds, spec.MaxPendingLabels);
    }

    /// <summary>Reads a run from <paramref name="at"/> on (the <see cref="RunColumns"/> order, then the report when asked).</summary>
    public static MonitorRun ReadRun(DbDataReader r, int at, bool withReport) => new(
        r.GetString(at), r.GetString(at + 1), r.GetInt64(at + 2), r.GetString(at + 3), r.GetString(at + 4), Timestamps.Parse(r.GetString(at + 5)),
        Timestamps.Parse(r.GetString(at + 6)), r.GetInt64(at + 7), r.IsDBNull(at + 8) ? null : r.GetDouble(at + 8),
        r.IsDBNull(at + 9) ? null : r.GetInt32(at + 9), r.IsDBNull(at + 10) ? null : r.GetInt32(at + 10),
        JsonSerializer.Deserialize<List<string>>(r.GetString(at + 11)) ?? [], r.GetString(at + 12), r.GetString(at + 13),
        r.IsDBNull(at + 14) ? null : r.GetInt64(at + 14), withReport ? JsonNode.Parse(r.GetString(at + 15)) : null);

    /// <summary>Columns a definition names that the reference profile lacks.</summary>
    public static IEnumerable<string> MissingFromReference(MonitorSpec spec, IReadOnlyDictionary<string, string> reference) =>
        spec.Features.Concat(spec.RoleColumns()).Concat(spec.Columns.Keys).Where(c => !reference.ContainsKey(c)).Distinct(StringComparer.Ordinal);
}
