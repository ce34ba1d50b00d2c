using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Storage;

namespace Steward.Governance.Lifecycle;

/// <summary>One recorded stage change or refusal of a system, read back from its ledger entry.</summary>
/// <param name="LedgerIndex">The entry.</param>
/// <param name="Type"><c>stage.changed</c> or <c>stage.change_refused</c>.</param>
/// <param name="Time">When.</param>
/// <param name="Actor">Who asked.</param>
/// <param name="From">The stage before.</param>
/// <param name="To">The stage asked for.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="Unmet">For a refusal, what was unmet.</param>
public sealed record StageEvent(long LedgerIndex, string Type, string Time, string Actor, string From, string To, string? Reason, IReadOnlyList<UnmetRequirement> Unmet);

/// <summary>Reads a system's stage changes and refusals from the ledger (the ledger is the record; no copy is kept).</summary>
public sealed class StageHistory(StewardDatabase db)
{
    /// <summary>The newest <paramref name="limit"/> stage events of a system, newest first.</summary>
    public async Task<IReadOnlyList<StageEvent>> ListAsync(string systemId, int limit = 50, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 500) throw new ValidationFailedException("limit", "must be between 1 and 500");
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT idx, leaf FROM ledger_entries WHERE subject_kind = 'system' AND subject_id = @id AND type IN ('stage.changed', 'stage.change_refused') " +
            "ORDER BY idx DESC LIMIT @limit").With("@id", systemId).With("@limit", limit);
        var list = new List<StageEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var leaf = JsonNode.Parse((byte[])reader.GetValue(1))!.AsObject();
            var data = leaf["data"]!.AsObject();
            var unmet = data["unmet"] is JsonArray items
                ? items.Select(u => new UnmetRequirement((string)u!["rule"]!, (string)u["message"]!)).ToList()
                : [];
            list.Add(new StageEvent(reader.GetInt64(0), (string)leaf["type"]!, (string)leaf["time"]!, (string)leaf["actor"]!["id"]!,
                (string)data["from"]!, (string)data["to"]!, (string?)data["reason"], unmet));
        }
        return list;
    }
}
