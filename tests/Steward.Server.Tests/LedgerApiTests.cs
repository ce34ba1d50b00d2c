using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Server.Tests;

public sealed class LedgerApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        for (var i = 0; i < 12; i++) await _server.RegisterSystemAsync($"ledger-system-{i}");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Checkpoint_IsSignedNote_ThatVerifiesWithThePublishedKey()
    {
        using var client = _server.Client(await _server.KeyAsync("auditor", "auditor"));
        var vkey = (await client.GetStringAsync("/api/v1/ledger/key")).Trim();
        var note = await client.GetStringAsync("/api/v1/ledger/checkpoint");
        var verifier = NoteVerifier.Parse(vkey);
        Assert.Equal("test.example/steward", verifier.Name);
        var opened = SignedNote.Open(Encoding.UTF8.GetBytes(note), [verifier]);
        var checkpoint = Checkpoint.Parse(opened.Text);
        Assert.Equal("test.example/steward", checkpoint.Origin);
        var tree = await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree");
        Assert.Equal(tree!["size"]!.GetValue<long>(), checkpoint.Size);
        Assert.Equal(tree["root_hash"]!.GetValue<string>(), Convert.ToBase64String(checkpoint.RootHash));
    }

    [Fact]
    public async Task InclusionProofs_ForEveryEntry_VerifyAgainstTheCheckpoint()
    {
        using var client = _server.Client();
        var note = Encoding.UTF8.GetBytes(await client.GetStringAsync("/api/v1/ledger/checkpoint"));
        var key = NoteVerifier.Parse((await client.GetStringAsync("/api/v1/ledger/key")).Trim());
        var checkpoint = Checkpoint.Parse(SignedNote.Open(note, [key]).Text);
        for (long i = 0; i < checkpoint.Size; i++)
        {
            var raw = await client.GetByteArrayAsync($"/api/v1/ledger/entries/{i}/raw");
            var proof = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/proofs/inclusion?index={i}&size={checkpoint.Size}"))!;
            Assert.Equal(Convert.ToBase64String(MerkleHash.HashLeaf(raw)), proof["leaf_hash"]!.GetValue<string>());
            var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
            Assert.True(MerkleVerifier.VerifyInclusion(i, checkpoint.Size, MerkleHash.HashLeaf(raw), hashes, checkpoint.RootHash), $"entry {i}");
        }
    }

    [Fact]
    public async Task ConsistencyProof_LinksAnOldCheckpointToTheNewOne()
    {
        using var client = _server.Client();
        var old = (await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!;
        await _server.RegisterSystemAsync("later-1");
        await _server.RegisterSystemAsync("later-2");
        var now = (await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!;
        var proof = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/proofs/consistency?from={old["size"]}&size={now["size"]}"))!;
        var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
        Assert.True(MerkleVerifier.VerifyConsistency(old["size"]!.GetValue<long>(), now["size"]!.GetValue<long>(), hashes,
            Convert.FromBase64String(old["root_hash"]!.GetValue<string>()), Convert.FromBase64String(now["root_hash"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Entries_AreFilterable_AndPaged()
    {
        using var client = _server.Client();
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries?type=system.registered&limit=5{(cursor is null ? "" : $"&cursor={cursor}")}"))!;
            seen.AddRange(page["items"]!.AsArray().Select(e => e!["index"]!.GetValue<long>()));
            Assert.All(page["items"]!.AsArray(), e => Assert.Equal("system.registered", e!["event"]!["type"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(12, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);

        var system = (await client.GetFromJsonAsync<JsonObject>("/api/v1/systems?limit=1"))!["items"]![0]!;
        var bySubject = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries?subject_kind=system&subject_id={system["id"]}"))!;
        Assert.Single(bySubject["items"]!.AsArray());
        var byActor = (await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?actor=nobody"))!;
        Assert.Empty(byActor["items"]!.AsArray());
        var future = (await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?since=2999-01-01T00:00:00Z"))!;
        Assert.Empty(future["items"]!.AsArray());
    }

    [Fact]
    public async Task UnknownEntry_Is404Problem()
    {
        using var client = _server.Client();
        var response = await client.GetAsync("/api/v1/ledger/entries/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }
}
