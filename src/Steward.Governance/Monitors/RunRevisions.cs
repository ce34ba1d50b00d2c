using System.Data.Common;
using System.Text;
using System.Text.Json;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>Revisions of run reports made by late labels (<c>drift_run_revisions</c>).</summary>
internal static class RunRevisions
{
    /// <summary>The run of window <paramref name="seq"/> carrying its latest report (a revision's, when one exists) and that revision's number.</summary>
    public static async Task<(MonitorRun? Run, int Revision)> LatestAsync(DbConnection connection, string monitorId, long seq, CancellationToken ct)
    {
        await using var command = connection.Command(
            $"SELECT {MonitorRows.RunColumns}, COALESCE(v.report, r.report), COALESCE(v.report_sha256, r.report_sha256), COALESCE(v.revision, 0) FROM drift_runs r " +
            "LEFT JOIN drift_run_revisions v ON v.run_id = r.id AND v.revision = (SELECT MAX(v2.revision) FROM drift_run_revisions v2 WHERE v2.run_id = r.id) " +
            "WHERE r.monitor_id = @m AND r.window_seq = @s").With("@m", monitorId).With("@s", seq);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return (null, 0);
        var run = MonitorRows.ReadRun(reader, 0, withReport: true) with { ReportSha256 = reader.GetString(16), Revision = reader.GetInt32(17) };
        return (run, reader.GetInt32(17));
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, string monitorId, long seq, RunRevision r, string at, long idx, CancellationToken ct)
    {
        await using var insert = connection.Command(
            "INSERT INTO drift_run_revisions (run_id, revision, monitor_id, window_seq, created_at, labels_matched, report, report_sha256, breaches, ledger_index) " +
            "VALUES (@run, @rev, @m, @s, @at, @matched, @report, @sha, @breaches, @idx)", tx)
            .With("@run", r.RunId).With("@rev", r.Revision).With("@m", monitorId).With("@s", seq).With("@at", at).With("@matched", r.LabelsMatched)
            .With("@report", Encoding.UTF8.GetString(r.ReportJson)).With("@sha", r.ReportSha256).With("@breaches", JsonSerializer.Serialize(r.Breaches)).With("@idx", idx);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
