using System.Data.Common;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Inventory;

/// <summary>Datasets: registration (<c>dataset.registered</c>) and reads.</summary>
public sealed class DatasetStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const string Columns = "id, name, system_id, owner, description, uri, sha256, created_at, created_by, ledger_index";

    /// <summary>Registers a dataset.</summary>
    public async Task<Dataset> RegisterAsync(Actor actor, DatasetRegistration request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var name = check.Required("name", request.Name);
        var owner = check.Required("owner", request.Owner);
        var description = check.Text("description", request.Description, 4000) ?? "";
        var uri = check.Uri("uri", request.Uri);
        var sha256 = check.Sha256("sha256", request.Sha256);
        var systemId = check.Text("system_id", request.SystemId);
        check.ThrowIfFailed();

        var evt = events.Create("dataset.registered", new Subject("dataset", ""), actor, []);
        var dataset = new Dataset(evt.Id.ToString(), name, systemId, owner, description, uri, sha256, evt.Time, actor.Id, 0);
        var data = GovernanceJson.ToObject(dataset);
        data.Remove("ledger_index");
        evt = evt with { Subject = new Subject("dataset", dataset.Id), Data = data, Refs = ModelStore.SystemRef(systemId) };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await InventoryChecks.EnsureNameFreeAsync(connection, tx, "datasets", name, ct).ConfigureAwait(false);
            await InventoryChecks.EnsureSystemExistsAsync(connection, tx, systemId, ct).ConfigureAwait(false);
            await using var insert = connection.Command(
                $"INSERT INTO datasets ({Columns}) VALUES (@id, @name, @system, @owner, @description, @uri, @sha, @at, @by, @idx)", tx)
                .With("@id", dataset.Id).With("@name", name).With("@system", systemId).With("@owner", owner)
                .With("@description", description).With("@uri", uri).With("@sha", sha256)
                .With("@at", Timestamps.Format(evt.Time)).With("@by", actor.Id).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return dataset with { LedgerIndex = index };
    }

    /// <summary>One dataset.</summary>
    public async Task<Dataset> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM datasets WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : throw new NotFoundException($"dataset {id} does not exist");
    }

    /// <summary>Datasets in registration order.</summary>
    public async Task<Page<Dataset>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM datasets WHERE id > @after ORDER BY id LIMIT @limit")
            .With("@after", Cursor.Decode(cursor) ?? "").With("@limit", take + 1);
        var items = new List<Dataset>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        }
        return Pages.Cut(items, take, d => d.Id);
    }

    private static Dataset Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.StringOrNull(2), r.GetString(3), r.GetString(4), r.StringOrNull(5), r.StringOrNull(6),
        Timestamps.Parse(r.GetString(7)), r.GetString(8), r.GetInt64(9));
}
