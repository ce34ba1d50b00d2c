using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Policies;

/// <summary>
/// The decision log: one row per policy evaluation in OPA's event format, with the derived endpoint, outcome and
/// deny reasons, and the running count of consecutive violations of the endpoint (an allow resets it; an undefined
/// or failed decision leaves it). The count is kept in <c>policy_endpoint_streaks</c> and updated in the same
/// transaction as the row, so concurrent writers (threads or server processes) count every violation once.
/// Decision logs are operational data, not ledger entries.
/// </summary>
public sealed class DecisionLogStore(StewardDatabase db, TimeProvider time)
{
    private const string Columns =
        "seq, decision_id, path, input, result, decided_at, labels, requested_by, metrics, endpoint, allowed, deny_reasons, source, error, consecutive_violations, received_at";

    /// <summary>Stores events in one transaction, in order; returns them as stored.</summary>
    public async Task<IReadOnlyList<PolicyDecision>> AppendAsync(IReadOnlyList<DecisionLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var stored = new List<PolicyDecision>(entries.Count);
        if (entries.Count == 0) return stored;
        var received = Timestamps.Truncate(time.GetUtcNow());
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var e in entries)
        {
            var outcome = e.Reported ?? DecisionOutcome.Derive(e.Result, e.Error is not null);
            var endpoint = DecisionOutcome.Endpoint(e.Input, e.Labels, e.Path);
            await using var streak = connection.Command(
                "INSERT INTO policy_endpoint_streaks (endpoint, consecutive) VALUES (@e, @first) ON CONFLICT (endpoint) DO UPDATE SET consecutive = " +
                "CASE WHEN @code = 1 THEN 0 WHEN @code = 0 THEN policy_endpoint_streaks.consecutive + 1 ELSE policy_endpoint_streaks.consecutive END " +
                "RETURNING consecutive", tx)
                .With("@e", endpoint).With("@first", outcome.Allowed == false ? 1L : 0L).With("@code", outcome.Allowed switch { true => 1, false => 0, null => -1 });
            var consecutive = Convert.ToInt64(await streak.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

            var labels = JsonSerializer.Serialize(e.Labels);
            var reasons = JsonSerializer.Serialize(outcome.DenyReasons);
            await using var insert = connection.Command(
                $"INSERT INTO policy_decisions ({Columns[5..]}) VALUES (@id, @path, @input, @result, @at, @labels, @by, @metrics, @endpoint, @allowed, @reasons, @source, @error, @count, @recv) RETURNING seq", tx)
                .With("@id", e.DecisionId).With("@path", e.Path).With("@input", e.Input?.ToJsonString()).With("@result", e.Result?.ToJsonString())
                .With("@at", Timestamps.Format(e.Timestamp)).With("@labels", labels).With("@by", e.RequestedBy).With("@metrics", e.Metrics?.ToJsonString())
                .With("@endpoint", endpoint).With("@allowed", outcome.Allowed is { } b ? (b ? 1 : 0) : null).With("@reasons", reasons)
                .With("@source", e.Source).With("@error", e.Error).With("@count", consecutive).With("@recv", Timestamps.Format(received));
            var seq = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            stored.Add(new PolicyDecision(seq, e.DecisionId, e.Path, e.Input, e.Result, e.Timestamp, e.Labels, e.RequestedBy, e.Metrics,
                endpoint, outcome.Allowed, outcome.DenyReasons, e.Source, e.Error, consecutive, received));
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Decisions newest first, optionally filtered by endpoint, outcome and source.</summary>
    public async Task<Page<PolicyDecision>> ListAsync(string? endpoint, bool? allowed, string? source, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        var before = Cursor.DecodeLong(cursor);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder($"SELECT {Columns} FROM policy_decisions WHERE 1 = 1");
        if (before is { } b) { sql.Append(" AND seq < @before"); command.With("@before", b); }
        if (endpoint is not null) { sql.Append(" AND endpoint = @endpoint"); command.With("@endpoint", endpoint); }
        if (allowed is { } a) { sql.Append(" AND allowed = @allowed"); command.With("@allowed", a ? 1 : 0); }
        if (source is not null) { sql.Append(" AND source = @source"); command.With("@source", source); }
        command.CommandText = sql.Append(" ORDER BY seq DESC LIMIT @limit").ToString();
        command.With("@limit", take + 1);
        var items = await PolicyQueries.ReadAllAsync(command, Read, cancellationToken).ConfigureAwait(false);
        return Pages.Cut(items, take, d => d.Seq.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The stored events with a decision id (an uploaded id may repeat).</summary>
    public async Task<IReadOnlyList<PolicyDecision>> FindAsync(string decisionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM policy_decisions WHERE decision_id = @id ORDER BY seq").With("@id", decisionId);
        return await PolicyQueries.ReadAllAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    private static PolicyDecision Read(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), Node(r, 3), Node(r, 4),
        Timestamps.Parse(r.GetString(5)), JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6)) ?? [], r.StringOrNull(7), Node(r, 8),
        r.GetString(9), r.IsDBNull(10) ? null : Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture) != 0,
        JsonSerializer.Deserialize<List<string>>(r.GetString(11)) ?? [], r.GetString(12), r.StringOrNull(13),
        Convert.ToInt64(r.GetValue(14), CultureInfo.InvariantCulture), Timestamps.Parse(r.GetString(15)));

    private static JsonNode? Node(DbDataReader r, int i) => r.IsDBNull(i) ? null : JsonNode.Parse(r.GetString(i));
}
