using System.Data.Common;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Inventory;

/// <summary>Models: registration (<c>model.registered</c>) and reads.</summary>
public sealed class ModelStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const string Columns = "id, name, system_id, owner, description, framework, uri, created_at, created_by, ledger_index";

    /// <summary>Registers a model.</summary>
    public async Task<Model> RegisterAsync(Actor actor, ModelRegistration request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var name = check.Required("name", request.Name);
        var owner = check.Required("owner", request.Owner);
        var description = check.Text("description", request.Description, 4000) ?? "";
        var framework = check.Text("framework", request.Framework);
        var uri = check.Uri("uri", request.Uri);
        var systemId = check.Text("system_id", request.SystemId);
        check.ThrowIfFailed();

        var evt = events.Create("model.registered", new Subject("model", ""), actor, []);
        var model = new Model(evt.Id.ToString(), name, systemId, owner, description, framework, uri, evt.Time, actor.Id, 0);
        var data = GovernanceJson.ToObject(model);
        data.Remove("ledger_index");
        evt = evt with { Subject = new Subject("model", model.Id), Data = data, Refs = SystemRef(systemId) };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await InventoryChecks.EnsureNameFreeAsync(connection, tx, "models", name, ct).ConfigureAwait(false);
            await InventoryChecks.EnsureSystemExistsAsync(connection, tx, systemId, ct).ConfigureAwait(false);
            await using var insert = connection.Command(
                $"INSERT INTO models ({Columns}) VALUES (@id, @name, @system, @owner, @description, @framework, @uri, @at, @by, @idx)", tx)
                .With("@id", model.Id).With("@name", name).With("@system", systemId).With("@owner", owner)
                .With("@description", description).With("@framework", framework).With("@uri", uri)
                .With("@at", Timestamps.Format(evt.Time)).With("@by", actor.Id).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return model with { LedgerIndex = index };
    }

    /// <summary>One model.</summary>
    public async Task<Model> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM models WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : throw new NotFoundException($"model {id} does not exist");
    }

    /// <summary>Models in registration order.</summary>
    public async Task<Page<Model>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM models WHERE id > @after ORDER BY id LIMIT @limit")
            .With("@after", Cursor.Decode(cursor) ?? "").With("@limit", take + 1);
        var items = new List<Model>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        }
        return Pages.Cut(items, take, m => m.Id);
    }

    internal static Dictionary<string, string> SystemRef(string? systemId) =>
        systemId is null ? [] : new() { ["system_id"] = systemId };

    private static Model Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.StringOrNull(2), r.GetString(3), r.GetString(4), r.StringOrNull(5), r.StringOrNull(6),
        Timestamps.Parse(r.GetString(7)), r.GetString(8), r.GetInt64(9));
}
