using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Steward.Server.Tests.Policies;

/// <summary>Two server processes' worth of hosts over one PostgreSQL database: a policy written through one is used by the other.</summary>
public sealed class MultiServerPolicyTests
{
    [Fact]
    public async Task PolicyWrittenOnOneServer_IsEvaluatedByTheOther_AfterTheVersionCheck()
    {
        var connectionString = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
            Requirements.Unavailable("needs PostgreSQL: set STEWARD_TEST_POSTGRES");
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = scoped,
            ["Policy:VersionCheckIntervalMs"] = "0",
        };
        await using var first = await StewardTestServer.StartAsync(settings);
        await using var second = await StewardTestServer.StartAsync(settings);
        using var a = first.Client();
        using var b = second.Client();

        // The second server has compiled the empty policy set before the write.
        Assert.Equal("{}", await (await b.PostAsJsonAsync("/v1/data/gate/open", new { input = new { } })).Content.ReadAsStringAsync());
        await PolicyTestData.PutPolicyAsync(a, "gate.rego", "package gate\n\nopen if input.key == data.secret\n");
        await PolicyTestData.PutDataAsync(a, "secret", "\"sesame\"");

        var answer = await b.PostAsJsonAsync("/v1/data/gate/open", new { input = new { key = "sesame" } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<bool>());

        await PolicyTestData.PutPolicyAsync(a, "gate.rego", "package gate\n\nopen if input.key == \"other\"\n");
        Assert.Equal("{}", await (await b.PostAsJsonAsync("/v1/data/gate/open", new { input = new { key = "sesame" } })).Content.ReadAsStringAsync());

        // Both servers logged into the one decision log.
        var log = await a.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?endpoint=gate/open");
        Assert.Equal(3, log!["items"]!.AsArray().Count);
    }
}
