using System.Net;

namespace Steward.Client.Tests;

public sealed class StewardClientTests
{
    [Fact]
    public async Task Requests_CarryTheBearerKey_AndKeepABasePathPrefix()
    {
        var server = new FakeServer(FakeServer.Json("""{"id":"u","kind":"service","name":"ci","roles":["service"]}"""));
        using var client = server.Client("http://steward.test/gov");

        var me = await client.MeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["service"], me.Roles);
        var (request, _) = Assert.Single(server.Requests);
        Assert.Equal("http://steward.test/gov/api/v1/me", request.RequestUri!.ToString());
        Assert.Equal("Bearer stw_key", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Error_CarriesStatusAndParsedProblem()
    {
        var server = new FakeServer(FakeServer.Json(
            """{"type":"about:blank","title":"Validation failed","status":400,"detail":"see errors","errors":{"name":["required"]}}""",
            HttpStatusCode.BadRequest));
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<StewardApiException>(() => client.Systems.RegisterAsync(
            new RegisterSystemRequest { Name = "", Owner = "o", RiskTier = "high" }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Validation failed", error.Problem!.Title);
        Assert.Equal(["required"], error.Problem.Errors!["name"]);
        Assert.Equal("400 Validation failed: see errors (name: required)", error.Message);
    }

    [Fact]
    public async Task Error_WithoutProblemBody_StillSaysTheStatus()
    {
        var server = new FakeServer(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("down") });
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<StewardApiException>(() => client.HealthAsync(TestContext.Current.CancellationToken));

        Assert.Null(error.Problem);
        Assert.Equal("503 ServiceUnavailable", error.Message);
    }

    [Fact]
    public async Task ListAll_FollowsCursorsUntilTheLastPage()
    {
        var server = new FakeServer(
            FakeServer.Json("""{"items":[{"key_id":"a","alg":"ed25519","actor_id":"u","public_key":"p","created_at":"2026-01-01T00:00:00Z"}],"next_cursor":"c 2"}"""),
            FakeServer.Json("""{"items":[{"key_id":"b","alg":"ed25519","actor_id":"u","public_key":"p","created_at":"2026-01-01T00:00:00Z"}],"next_cursor":null}"""));
        using var client = server.Client();

        var keys = new List<string>();
        await foreach (var key in client.ActorKeys.ListAllAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(key.KeyId);
        }

        Assert.Equal(["a", "b"], keys);
        Assert.Equal("/api/v1/actor-keys", server.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal("/api/v1/actor-keys?cursor=c%202", server.Requests[1].Request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task LedgerEntries_SendsFiltersAsQuery_TimesInUtc()
    {
        var server = new FakeServer(FakeServer.Json("""{"items":[],"next_cursor":null}"""));
        using var client = server.Client();

        await client.Ledger.ListEntriesAsync(
            new LedgerEntryFilter("decision.recorded", "system", "sys/1", Since: new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.FromHours(2))),
            limit: 10,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            "/api/v1/ledger/entries?type=decision.recorded&subject_kind=system&subject_id=sys%2F1&since=2026-01-01T00%3A00%3A00Z&limit=10",
            server.Requests[0].Request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Ids_AreEscapedInPaths()
    {
        var server = new FakeServer(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = server.Client();

        await client.ApiKeys.RevokeAsync("a/../b", TestContext.Current.CancellationToken);

        Assert.Equal("/api/v1/api-keys/a%2F..%2Fb", server.Requests[0].Request.RequestUri!.AbsolutePath);
        Assert.Equal(HttpMethod.Delete, server.Requests[0].Request.Method);
    }

    [Fact]
    public async Task LedgerProofs_DecodeBase64Hashes()
    {
        var hash = Convert.ToBase64String(new byte[32]);
        var server = new FakeServer(FakeServer.Json($$"""{"index":3,"tree_size":8,"leaf_hash":"{{hash}}","hashes":["{{hash}}","{{hash}}","{{hash}}"]}"""));
        using var client = server.Client();

        var proof = await client.Ledger.GetInclusionProofAsync(3, 8, TestContext.Current.CancellationToken);

        Assert.Equal(3, proof.Hashes.Count);
        Assert.All(proof.Hashes, h => Assert.Equal(32, h.Length));
        Assert.Equal("/api/v1/ledger/proofs/inclusion?index=3&size=8", server.Requests[0].Request.RequestUri!.PathAndQuery);
    }
}
