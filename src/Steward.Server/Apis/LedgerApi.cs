using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Server.Auth;

namespace Steward.Server.Apis;

/// <summary>The ledger, for anyone to verify independently: signed checkpoints, the key, entries and proofs.</summary>
internal static class LedgerApi
{
    public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ledger").WithTags("Ledger").RequireAuthorization(AuthExtensions.Read);
        group.MapGet("/checkpoint", async (CheckpointService checkpoints, CancellationToken ct) =>
                TypedResults.Text((await checkpoints.EnsureLatestAsync(ct)).Note, "text/plain; charset=utf-8"))
            .WithName("GetCheckpoint").WithSummary("Latest signed checkpoint (C2SP tlog-checkpoint signed note)");
        group.MapGet("/key", (CheckpointService checkpoints) => TypedResults.Text(checkpoints.VerifierKey + "\n", "text/plain; charset=utf-8"))
            .WithName("GetLedgerKey").WithSummary("The log's verifier key (C2SP signed-note vkey)");
        group.MapGet("/tree", async (LedgerReader reader, CancellationToken ct) =>
        {
            var (size, root) = await reader.HeadAsync(ct);
            return TypedResults.Ok(new TreeHead(size, Convert.ToBase64String(root)));
        }).WithName("GetTreeHead").WithSummary("Current tree size and root hash");
        group.MapGet("/entries", ListEntries).WithName("ListLedgerEntries").WithSummary("Audit trail, newest first");
        group.MapGet("/entries/{index:long}", async (LedgerReader reader, long index, CancellationToken ct) =>
                TypedResults.Ok(ToView(await reader.GetAsync(index, ct))))
            .WithName("GetLedgerEntry").WithSummary("One entry with its event").ProducesProblem(404);
        group.MapGet("/entries/{index:long}/raw", async (LedgerReader reader, long index, CancellationToken ct) =>
                TypedResults.Bytes((await reader.GetAsync(index, ct)).Leaf, "application/octet-stream"))
            .WithName("GetLedgerEntryRaw").WithSummary("The exact leaf bytes").ProducesProblem(404);
        group.MapGet("/proofs/inclusion", async (LedgerReader reader, [FromQuery] long index, [FromQuery] long? size, CancellationToken ct) =>
        {
            var proof = await reader.InclusionProofAsync(index, size, ct);
            return TypedResults.Ok(new InclusionProofView(index, proof.TreeSize, Convert.ToBase64String(proof.LeafHash!), proof.Hashes.Select(Convert.ToBase64String).ToList()));
        }).WithName("GetInclusionProof").WithSummary("RFC 6962 inclusion proof").ProducesValidationProblem();
        group.MapGet("/proofs/consistency", async (LedgerReader reader, [FromQuery] long from, [FromQuery] long? size, CancellationToken ct) =>
        {
            var proof = await reader.ConsistencyProofAsync(from, size, ct);
            return TypedResults.Ok(new ConsistencyProofView(from, proof.TreeSize, proof.Hashes.Select(Convert.ToBase64String).ToList()));
        }).WithName("GetConsistencyProof").WithSummary("RFC 6962 consistency proof").ProducesValidationProblem();
    }

    private static async Task<Ok<Page<LedgerEntryView>>> ListEntries(LedgerReader reader,
        [FromQuery] string? type, [FromQuery(Name = "subject_kind")] string? subjectKind, [FromQuery(Name = "subject_id")] string? subjectId,
        [FromQuery] string? actor, [FromQuery] DateTimeOffset? since, [FromQuery] DateTimeOffset? until,
        [FromQuery] string? cursor, [FromQuery] int? limit, CancellationToken ct)
    {
        var page = await reader.ListAsync(new LedgerEntryFilter(type, subjectKind, subjectId, actor, since, until), cursor, limit, ct);
        return TypedResults.Ok(new Page<LedgerEntryView>(page.Items.Select(ToView).ToList(), page.NextCursor));
    }

    internal static LedgerEntryView ToView(LedgerEntry entry) =>
        new(entry.Index, Convert.ToBase64String(entry.LeafHash), JsonNode.Parse(entry.Leaf)!.AsObject());
}

/// <summary>Tree size and root.</summary>
internal sealed record TreeHead(long Size, string RootHash);

/// <summary>An entry: index, leaf hash and the event envelope.</summary>
internal sealed record LedgerEntryView(long Index, string LeafHash, JsonObject Event);

/// <summary>An inclusion proof.</summary>
internal sealed record InclusionProofView(long Index, long TreeSize, string LeafHash, IReadOnlyList<string> Hashes);

/// <summary>A consistency proof.</summary>
internal sealed record ConsistencyProofView(long From, long TreeSize, IReadOnlyList<string> Hashes);
