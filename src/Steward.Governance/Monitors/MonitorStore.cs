using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// Drift monitors: creation, replacement of the definition, deletion (ledger entries <c>monitor.created</c>,
/// <c>monitor.updated</c>, <c>monitor.deleted</c>, each committed with its row) and reads.
/// </summary>
public sealed class MonitorStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    /// <summary>Creates a monitor with an open, empty first window; the first run is the schedule's next occurrence.</summary>
    public async Task<DriftMonitor> CreateAsync(Actor actor, MonitorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (name, modelId, endpoint, spec) = Validate(request);
        var evt = events.Create("monitor.created", new Subject("monitor", ""), actor, []);
        var id = evt.Id.ToString();
        evt = evt with { Subject = new Subject("monitor", id), Data = EventData(name, modelId, endpoint, spec), Refs = Refs(modelId, endpoint) };
        var next = MonitorSchedule.Parse(spec.Schedule).Schedule!.Next(evt.Time);
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await EnsureNameFreeAsync(connection, tx, name, null, ct).ConfigureAwait(false);
            await EnsureModelExistsAsync(connection, tx, modelId, ct).ConfigureAwait(false);
            var at = Timestamps.Format(evt.Time);
            await using var insert = connection.Command(
                "INSERT INTO drift_monitors (id, name, model_id, endpoint, definition, window_seq, next_run_at, created_at, created_by, updated_at, ledger_index) " +
                "VALUES (@id, @name, @model, @endpoint, @definition, 1, @next, @at, @by, @at, @idx)", tx)
                .With("@id", id).With("@name", name).With("@model", modelId).With("@endpoint", endpoint)
                .With("@definition", MonitorRows.SerializeSpec(spec)).With("@next", Timestamps.Format(next))
                .With("@at", at).With("@by", actor.Id).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var window = connection.Command(
                "INSERT INTO drift_windows (monitor_id, seq, status, opened_at, closed_at, rows_seen, batches, profile) VALUES (@id, 1, 'open', @at, NULL, 0, 0, NULL)", tx)
                .With("@id", id).With("@at", at);
            await window.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a monitor's name, binding and definition; the schedule's next run is recomputed from now.</summary>
    public async Task<DriftMonitor> UpdateAsync(Actor actor, string id, MonitorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (name, modelId, endpoint, spec) = Validate(request);
        var evt = events.Create("monitor.updated", new Subject("monitor", id), actor, EventData(name, modelId, endpoint, spec), Refs(modelId, endpoint));
        var next = MonitorSchedule.Parse(spec.Schedule).Schedule!.Next(evt.Time);
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using (var read = connection.Command("SELECT reference_columns FROM drift_monitors WHERE id = @id", tx).With("@id", id))
            {
                var columns = await read.ExecuteScalarAsync(ct).ConfigureAwait(false);
                if (columns is null) throw new NotFoundException($"monitor {id} does not exist");
                if (columns is string json && MonitorRows.MissingFromReference(spec, MonitorRows.ParseColumns(json)).ToList() is { Count: > 0 } missing)
                    throw new ValidationFailedException("columns", $"the reference profile has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }
            await EnsureNameFreeAsync(connection, tx, name, id, ct).ConfigureAwait(false);
            await EnsureModelExistsAsync(connection, tx, modelId, ct).ConfigureAwait(false);
            await using var update = connection.Command(
                "UPDATE drift_monitors SET name = @name, model_id = @model, endpoint = @endpoint, definition = @definition, next_run_at = @next, " +
                "updated_at = @at, ledger_index = @idx WHERE id = @id", tx)
                .With("@name", name).With("@model", modelId).With("@endpoint", endpoint).With("@definition", MonitorRows.SerializeSpec(spec))
                .With("@next", Timestamps.Format(next)).With("@at", Timestamps.Format(evt.Time)).With("@idx", idx).With("@id", id);
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a monitor with its windows and runs (its ledger entries stay).</summary>
    public async Task DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var monitor = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var evt = events.Create("monitor.deleted", new Subject("monitor", id), actor,
            new JsonObject { ["name"] = monitor.Name }, Refs(monitor.ModelId, monitor.Endpoint));
        await ledger.AppendAsync(evt, async (connection, tx, _, ct) =>
        {
            await using var delete = connection.Command("DELETE FROM drift_monitors WHERE id = @id", tx).With("@id", id);
            if (await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1) throw new NotFoundException($"monitor {id} does not exist");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One monitor with its current window and last run.</summary>
    public async Task<DriftMonitor> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"{MonitorRows.SelectMonitors} WHERE m.id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? MonitorRows.ReadMonitor(reader) : throw new NotFoundException($"monitor {id} does not exist");
    }

    /// <summary>Monitors in creation order.</summary>
    public async Task<Page<DriftMonitor>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"{MonitorRows.SelectMonitors} WHERE m.id > @after ORDER BY m.id LIMIT @limit")
            .With("@after", Cursor.Decode(cursor) ?? "").With("@limit", take + 1);
        var items = new List<DriftMonitor>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(MonitorRows.ReadMonitor(reader));
        }
        return Pages.Cut(items, take, m => m.Id);
    }

    private static (string Name, string? ModelId, string? Endpoint, MonitorSpec Spec) Validate(MonitorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var name = check.Required("name", request.Name);
        var modelId = check.Text("model_id", request.ModelId);
        var endpoint = check.Text("endpoint", request.Endpoint);
        if (string.IsNullOrEmpty(modelId) && string.IsNullOrEmpty(endpoint))
            check.Fail("model_id", "a monitor watches a registered model (model_id), a serving endpoint (endpoint) or both: give at least one");
        var spec = MonitorSpec.Parse(request, check);
        check.ThrowIfFailed();
        return (name, string.IsNullOrEmpty(modelId) ? null : modelId, string.IsNullOrEmpty(endpoint) ? null : endpoint, spec);
    }

    private static JsonObject EventData(string name, string? modelId, string? endpoint, MonitorSpec spec)
    {
        var data = new JsonObject { ["name"] = name, ["model_id"] = modelId, ["endpoint"] = endpoint };
        data["definition"] = JsonSerializer.SerializeToNode(spec, GovernanceJson.Options);
        return data;
    }

    internal static Dictionary<string, string> Refs(string? modelId, string? endpoint)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (modelId is not null) refs["model_id"] = modelId;
        if (endpoint is not null) refs["endpoint"] = endpoint;
        return refs;
    }

    private static async Task EnsureNameFreeAsync(DbConnection connection, DbTransaction tx, string name, string? self, CancellationToken ct)
    {
        await using var exists = connection.Command("SELECT COUNT(*) FROM drift_monitors WHERE name = @name AND id <> @self", tx)
            .With("@name", name).With("@self", self ?? "");
        if (await exists.ExistsAsync(ct).ConfigureAwait(false)) throw new ConflictException($"a monitor named '{name}' already exists");
    }

    private static async Task EnsureModelExistsAsync(DbConnection connection, DbTransaction tx, string? modelId, CancellationToken ct)
    {
        if (modelId is null) return;
        await using var command = connection.Command("SELECT COUNT(*) FROM models WHERE id = @id", tx).With("@id", modelId);
        if (!await command.ExistsAsync(ct).ConfigureAwait(false)) throw new ValidationFailedException("model_id", $"model {modelId} does not exist");
    }
}
