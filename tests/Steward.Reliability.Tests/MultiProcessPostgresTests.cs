using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Steward.Ledger.Merkle;

namespace Steward.Reliability.Tests;

public sealed class MultiProcessPostgresTests
{
    [Fact]
    public async Task TwoServerProcesses_OnOnePostgres_ProduceOneGapFreeConsistentLog()
    {
        var connectionString = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
            Requirements.Unavailable("needs a PostgreSQL server: set STEWARD_TEST_POSTGRES (.ci/run does)");
        var schema = $"mp_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        var data = Directory.CreateTempSubdirectory("steward-mp-").FullName; // shared ledger signing key

        await using var first = await StewardProcess.StartAsync(data, "--store", "postgres", "--connection", scoped);
        await using var second = await StewardProcess.StartAsync(data, "--store", "postgres", "--connection", scoped);
        using var a = first.Client();
        using var b = second.Client();
        var tasks = Enumerable.Range(0, 400).Select(async i =>
        {
            var client = i % 2 == 0 ? a : b;
            var response = await client.PostAsJsonAsync("/api/v1/systems", new { name = $"mp-{i}", owner = "o", risk_tier = "limited" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["ledger_index"]!.GetValue<long>();
        });
        var indices = await Task.WhenAll(tasks);
        Assert.Equal(indices.Length, indices.Distinct().Count());

        var treeA = (await a.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!;
        var treeB = (await b.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!;
        Assert.Equal(treeA.ToJsonString(), treeB.ToJsonString());
        var size = treeA["size"]!.GetValue<long>();
        var frontier = MerkleFrontier.Empty();
        for (long i = 0; i < size; i++)
        {
            var leaf = await (i % 2 == 0 ? a : b).GetByteArrayAsync($"/api/v1/ledger/entries/{i}/raw");
            Assert.Equal(i, JsonNode.Parse(leaf)!["index"]!.GetValue<long>());
            frontier.Append(MerkleHash.HashLeaf(leaf), null);
        }
        Assert.Equal(Convert.FromBase64String(treeA["root_hash"]!.GetValue<string>()), frontier.Root());
        Assert.All(indices, i => Assert.InRange(i, 0, size - 1));

        // The same log verifies offline straight from PostgreSQL, and a changed row is named.
        await a.GetStringAsync("/api/v1/ledger/checkpoint");
        var (ok, okOutput) = await StewardProcess.RunCliAsync("ledger", "verify", "--data", data, "--connection", scoped);
        Assert.True(ok == 0, okOutput);
        await using (var tamper = new NpgsqlConnection(scoped))
        {
            await tamper.OpenAsync();
            await using var update = new NpgsqlCommand(
                "UPDATE ledger_entries SET leaf = convert_to(replace(convert_from(leaf, 'UTF8'), 'mp-', 'MP-'), 'UTF8') WHERE idx = 123", tamper);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var (failed, failedOutput) = await StewardProcess.RunCliAsync("ledger", "verify", "--data", data, "--connection", scoped);
        Assert.Equal(1, failed);
        Assert.Contains("entry 123", failedOutput, StringComparison.Ordinal);
    }
}
