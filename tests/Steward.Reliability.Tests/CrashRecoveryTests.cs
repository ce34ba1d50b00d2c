using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Reliability.Tests;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task SigkillDuringBurst_LosesNoAcknowledgedEntry_AndStaysConsistentWithLastCheckpoint()
    {
        var data = Directory.CreateTempSubdirectory("steward-crash-").FullName;
        var acknowledged = new ConcurrentDictionary<string, long>();
        string lastCheckpoint;
        await using (var server = await StewardProcess.StartAsync(data))
        {
            using var client = server.Client();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var name = $"w{w}-{i}";
                        var response = await client.PostAsJsonAsync("/api/v1/systems", new { name, owner = "o", risk_tier = "minimal" });
                        if (response.StatusCode == HttpStatusCode.Created)
                            acknowledged[name] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["ledger_index"]!.GetValue<long>();
                    }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();
            while (acknowledged.Count < 300) await Task.Delay(20);
            lastCheckpoint = await client.GetStringAsync("/api/v1/ledger/checkpoint");
            while (acknowledged.Count < 600) await Task.Delay(5);
            server.Kill(); // in the middle of the burst
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await StewardProcess.StartAsync(data);
        using var after = restarted.Client();
        var tree = (await after.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!;
        var size = tree["size"]!.GetValue<long>();
        var root = Convert.FromBase64String(tree["root_hash"]!.GetValue<string>());

        // Every acknowledged entry is there, at the index we were told.
        var systems = new Dictionary<string, long>();
        string? cursor = null;
        do
        {
            var page = (await after.GetFromJsonAsync<JsonObject>($"/api/v1/systems?limit=500{(cursor is null ? "" : "&cursor=" + cursor)}"))!;
            foreach (var s in page["items"]!.AsArray()) systems[s!["name"]!.GetValue<string>()] = s["ledger_index"]!.GetValue<long>();
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        foreach (var (name, index) in acknowledged)
            Assert.True(systems.TryGetValue(name, out var stored) && stored == index, $"acknowledged {name} at {index} is missing after restart");

        // No index duplicated or skipped, and the tree is what the leaves say.
        var frontier = MerkleFrontier.Empty();
        for (long i = 0; i < size; i++)
        {
            var leaf = await after.GetByteArrayAsync($"/api/v1/ledger/entries/{i}/raw");
            Assert.Equal(i, JsonNode.Parse(leaf)!["index"]!.GetValue<long>());
            frontier.Append(MerkleHash.HashLeaf(leaf), null);
        }
        Assert.Equal(root, frontier.Root());

        // Consistent with the checkpoint published before the crash.
        var key = NoteVerifier.Parse((await after.GetStringAsync("/api/v1/ledger/key")).Trim());
        var old = Checkpoint.Parse(SignedNote.Open(Encoding.UTF8.GetBytes(lastCheckpoint), [key]).Text);
        var proof = (await after.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/proofs/consistency?from={old.Size}&size={size}"))!;
        var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
        Assert.True(MerkleVerifier.VerifyConsistency(old.Size, size, hashes, old.RootHash, root));
        Directory.Delete(data, recursive: true);
    }
}
