using System.Text.Json.Nodes;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;
using Steward.Server.Dashboard.Audit;

namespace Steward.Server.Reports;

/// <summary>One ledger entry about the system, parsed, with the check of its inclusion in the latest signed checkpoint.</summary>
internal sealed record EvidenceEntry(long Index, string Type, DateTimeOffset Time, string Actor, string SubjectKind, string SubjectId,
    JsonObject Data, JsonObject Refs, string Canonical, EntryProof Proof)
{
    public string? Text(string field) => Data[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Data[field]?.ToJsonString();
}

/// <summary>Everything recorded about a system: the system, its models and datasets, every entry and the checkpoint.</summary>
internal sealed record SystemEvidence(
    AiSystem System, IReadOnlyList<(string Id, string Name)> Models, IReadOnlyList<(string Id, string Name)> Datasets,
    IReadOnlyList<EvidenceEntry> Entries, CheckpointStatus Checkpoint, IReadOnlyList<GateResult> Gates, DateTimeOffset GeneratedAt)
{
    public IEnumerable<EvidenceEntry> OfType(string prefix) => Entries.Where(e => e.Type == prefix || e.Type.StartsWith(prefix + ".", StringComparison.Ordinal));
}

/// <summary>
/// Gathers the evidence of a system from the ledger (the ledger is the source: every claim of a report is an entry):
/// entries whose subject is the system, its models, its datasets or its tickets, each checked against the latest
/// signed checkpoint (signed first if the tree grew, so every entry is covered).
/// </summary>
internal sealed class EvidenceCollector(StewardDatabase db, SystemStore systems, LedgerReader reader, AuditVerifier verifier, GateEngine gates, TimeProvider time)
{
    /// <summary>Most entries one report reads.</summary>
    public const int MaxEntries = 20_000;

    public async Task<SystemEvidence> CollectAsync(string systemId, Steward.Governance.Events.Actor actor, CancellationToken cancellationToken)
    {
        var system = await systems.GetAsync(systemId, cancellationToken);
        var models = await NamesAsync("SELECT id, name FROM models WHERE system_id = @id ORDER BY id", systemId, cancellationToken);
        var datasets = await NamesAsync("SELECT id, name FROM datasets WHERE system_id = @id ORDER BY id", systemId, cancellationToken);
        var tickets = await TicketIdsAsync(systemId, cancellationToken);
        var checkpoint = await verifier.LatestCheckpointAsync(cancellationToken);

        var subjects = new List<(string Kind, string Id)> { ("system", systemId) };
        subjects.AddRange(models.Select(m => ("model", m.Id)));
        subjects.AddRange(datasets.Select(d => ("dataset", d.Id)));
        subjects.AddRange(tickets.Select(t => ("ticket", t)));
        var entries = new List<EvidenceEntry>();
        foreach (var (kind, id) in subjects)
        {
            string? cursor = null;
            do
            {
                var page = await reader.ListAsync(new LedgerEntryFilter(SubjectKind: kind, SubjectId: id), cursor, 500, cancellationToken);
                foreach (var entry in page.Items)
                {
                    if (entries.Count >= MaxEntries)
                        throw new Steward.Governance.Errors.ConflictException($"system {systemId} has more than {MaxEntries} ledger entries; reports of such systems are not supported yet");
                    entries.Add(await ParseAsync(entry, checkpoint, cancellationToken));
                }
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
        entries.Sort((a, b) => a.Index.CompareTo(b.Index));

        var gateResults = new List<GateResult>();
        foreach (var stage in Stages.GatesAhead(system.Stage))
            gateResults.Add(await gates.EvaluateAsync(systemId, stage, actor, cancellationToken));
        return new SystemEvidence(system, models, datasets, entries, checkpoint, gateResults, time.GetUtcNow());
    }

    private async Task<EvidenceEntry> ParseAsync(LedgerEntry entry, CheckpointStatus checkpoint, CancellationToken cancellationToken)
    {
        var canonical = System.Text.Encoding.UTF8.GetString(entry.Leaf);
        JsonObject? envelope = null;
        try { envelope = JsonNode.Parse(canonical) as JsonObject; } catch (System.Text.Json.JsonException) { }
        var proof = await verifier.VerifyAsync(entry, envelope, checkpoint, cancellationToken);
        envelope ??= [];
        return new EvidenceEntry(entry.Index, Str(envelope["type"]) ?? "?",
            DateTimeOffset.TryParse(Str(envelope["time"]), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : default,
            Str(envelope["actor"]?["id"]) ?? "?", Str(envelope["subject"]?["kind"]) ?? "?", Str(envelope["subject"]?["id"]) ?? "?",
            envelope["data"] as JsonObject ?? [], envelope["refs"] as JsonObject ?? [], canonical, proof);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private async Task<List<(string Id, string Name)>> NamesAsync(string sql, string systemId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.Command(sql).With("@id", systemId);
        var list = new List<(string, string)>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <summary>The system's tickets, whose entries have the ticket as subject.</summary>
    private async Task<List<string>> TicketIdsAsync(string systemId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.Command("SELECT id FROM tickets WHERE system_id = @id ORDER BY id").With("@id", systemId);
        var list = new List<string>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }
}
