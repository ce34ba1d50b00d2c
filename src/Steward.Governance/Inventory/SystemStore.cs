using System.Data.Common;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Inventory;

/// <summary>AI systems: registration and updates, each a ledger entry committed with its row.</summary>
public sealed class SystemStore(StewardDatabase db, LedgerStore ledger, EventFactory events, IEnumerable<ISystemHook>? hooks = null)
{
    private readonly ISystemHook[] _hooks = hooks?.ToArray() ?? [];

    private const string Columns = "id, name, purpose, owner, business_unit, risk_tier, status, created_at, created_by, updated_at, ledger_index, stage";

    /// <summary>Registers a system (<c>system.registered</c>).</summary>
    public async Task<AiSystem> RegisterAsync(Actor actor, SystemRegistration request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var name = check.Required("name", request.Name);
        var owner = check.Required("owner", request.Owner);
        var purpose = check.Text("purpose", request.Purpose, 4000) ?? "";
        var unit = check.Text("business_unit", request.BusinessUnit) ?? "";
        var tier = check.OneOf("risk_tier", request.RiskTier, AiSystem.RiskTiers);
        var status = check.OneOf("status", request.Status ?? "proposed", AiSystem.Statuses);
        check.ThrowIfFailed();

        var evt = events.Create("system.registered", new Subject("system", ""), actor, []);
        var id = evt.Id.ToString();
        var system = new AiSystem(id, name, purpose, owner, unit, tier!, status!, evt.Time, actor.Id, evt.Time, 0);
        evt = evt with { Subject = new Subject("system", id), Data = GovernanceJson.ToObject(system with { LedgerIndex = 0 }) };
        evt.Data.Remove("ledger_index");
        evt.Data.Remove("stage");
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await InventoryChecks.EnsureNameFreeAsync(connection, tx, "systems", name, ct).ConfigureAwait(false);
            await using var insert = connection.Command(
                $"INSERT INTO systems ({Columns}) VALUES (@id, @name, @purpose, @owner, @unit, @tier, @status, @at, @by, @at, @idx, @stage)", tx)
                .With("@id", id).With("@name", name).With("@purpose", purpose).With("@owner", owner).With("@unit", unit)
                .With("@tier", tier).With("@status", status).With("@at", Timestamps.Format(evt.Time)).With("@by", actor.Id).With("@idx", idx).With("@stage", system.Stage);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            foreach (var hook in _hooks)
                await hook.OnRegisteredAsync(connection, tx, system with { LedgerIndex = idx }, idx, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return system with { LedgerIndex = index };
    }

    /// <summary>Changes some fields of a system (<c>system.updated</c>, with the changed fields).</summary>
    public async Task<AiSystem> UpdateAsync(Actor actor, string id, SystemUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var check = new Check();
        var purpose = check.Text("purpose", update.Purpose, 4000);
        var owner = update.Owner is null ? null : check.Required("owner", update.Owner);
        var unit = check.Text("business_unit", update.BusinessUnit);
        var tier = check.OneOf("risk_tier", update.RiskTier, AiSystem.RiskTiers, required: false);
        var status = check.OneOf("status", update.Status, AiSystem.Statuses, required: false);
        if (purpose is null && owner is null && unit is null && tier is null && status is null)
            check.Fail("body", "names no field to change");
        check.ThrowIfFailed();

        var data = GovernanceJson.ToObject(new SystemUpdate(purpose, owner, unit, tier, status));
        var evt = events.Create("system.updated", new Subject("system", id), actor, data);
        AiSystem? changed = null;
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            // Read inside the writer's transaction, so a concurrent change (another update, a stage change) is never overwritten.
            var current = await FindAsync(connection, tx, id, ct).ConfigureAwait(false) ?? throw new NotFoundException($"system {id} does not exist");
            var after = current with
            {
                Purpose = purpose ?? current.Purpose, Owner = owner ?? current.Owner, BusinessUnit = unit ?? current.BusinessUnit,
                RiskTier = tier ?? current.RiskTier, Status = status ?? current.Status, UpdatedAt = evt.Time,
            };
            await using var command = connection.Command(
                "UPDATE systems SET purpose = @purpose, owner = @owner, business_unit = @unit, risk_tier = @tier, status = @status, updated_at = @at WHERE id = @id", tx)
                .With("@purpose", after.Purpose).With("@owner", after.Owner).With("@unit", after.BusinessUnit)
                .With("@tier", after.RiskTier).With("@status", after.Status).With("@at", Timestamps.Format(evt.Time)).With("@id", id);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await RunChangedHooksAsync(connection, tx, current, after, idx, ct).ConfigureAwait(false);
            changed = after;
        }, cancellationToken).ConfigureAwait(false);
        return changed!;
    }

    /// <summary>One system.</summary>
    public async Task<AiSystem> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"system {id} does not exist");

    /// <summary>One system, or null.</summary>
    public async Task<AiSystem?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM systems WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>One system as the given transaction sees it, or null.</summary>
    internal static async Task<AiSystem?> FindAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM systems WHERE id = @id", transaction).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Runs the system hooks after a change made inside a ledger entry's transaction.</summary>
    internal async Task RunChangedHooksAsync(DbConnection connection, DbTransaction transaction, AiSystem before, AiSystem after, long index, CancellationToken cancellationToken)
    {
        if (_hooks.Length == 0) return;
        var fields = ChangedFields(before, after);
        foreach (var hook in _hooks)
            await hook.OnChangedAsync(connection, transaction, before, after, fields, index, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Systems ordered by id (registration order).</summary>
    public async Task<Page<AiSystem>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor) ?? "";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM systems WHERE id > @after ORDER BY id LIMIT @limit")
            .With("@after", after).With("@limit", take + 1);
        var items = new List<AiSystem>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        }
        return Pages.Cut(items, take, s => s.Id);
    }

    private static List<string> ChangedFields(AiSystem a, AiSystem b)
    {
        var fields = new List<string>();
        if (a.Purpose != b.Purpose) fields.Add("purpose");
        if (a.Owner != b.Owner) fields.Add("owner");
        if (a.BusinessUnit != b.BusinessUnit) fields.Add("business_unit");
        if (a.RiskTier != b.RiskTier) fields.Add("risk_tier");
        if (a.Status != b.Status) fields.Add("status");
        if (a.Stage != b.Stage) fields.Add("stage");
        return fields;
    }

    private static AiSystem Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Timestamps.Parse(r.GetString(7)), r.GetString(8), Timestamps.Parse(r.GetString(9)), r.GetInt64(10), r.GetString(11));
}
