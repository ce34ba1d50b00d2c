using System.Net;
using System.Net.Http.Json;

namespace Steward.Server.Tests;

public sealed class BadInputTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Server:MaxRequestBodyBytes"] = "4096" });
    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "/api/v1/systems", "{\"name\": \"x\", ", "body" },
        { "/api/v1/systems", "[1,2]", "body" },
        { "/api/v1/systems", "{\"name\":\"x\",\"owner\":\"o\",\"risk_tier\":\"high\",\"colour\":\"red\"}", "colour" },
        { "/api/v1/systems", "{\"owner\":\"o\",\"risk_tier\":\"high\"}", "name" },
        { "/api/v1/systems", "{\"name\":\"x\",\"owner\":\"o\",\"risk_tier\":\"extreme\"}", "risk_tier" },
        { "/api/v1/systems", "{\"name\":\"x\\u0007\",\"owner\":\"o\",\"risk_tier\":\"high\"}", "name" },
        { "/api/v1/systems", "{\"name\":42,\"owner\":\"o\",\"risk_tier\":\"high\"}", "name" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"outcome\":\"approved\",\"rationale\":\"r\"}", "subject" },
        { "/api/v1/decisions", "{\"type\":\"Bad Type!\",\"subject\":{\"kind\":\"system\",\"id\":\"x\"},\"outcome\":\"approved\",\"rationale\":\"r\"}", "type" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"subject\":{\"kind\":\"system\",\"id\":\"x\"},\"outcome\":\"maybe\",\"rationale\":\"r\"}", "outcome" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"subject\":{\"kind\":\"system\",\"id\":\"x\"},\"outcome\":\"approved\",\"rationale\":\"r\",\"extra\":1}", "extra" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"subject\":{\"kind\":\"system\",\"id\":\"x\"},\"outcome\":\"approved\",\"rationale\":\"r\",\"evidence\":[{\"uri\":\"https://e\",\"sha256\":\"abc\"}]}", "evidence[0].sha256" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"subject\":{\"kind\":\"system\",\"id\":\"no-such-system\"},\"outcome\":\"approved\",\"rationale\":\"r\"}", "subject" },
        { "/api/v1/decisions", "{\"type\":\"waiver\",\"subject\":{\"kind\":\"system\",\"id\":\"x\"},\"outcome\":\"approved\",\"rationale\":\"r\",\"signature\":{\"key_id\":\"k\",\"sig\":\"%%%\"}}", "signature.sig" },
        { "/api/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"superuser\"]}", "roles" },
        { "/api/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"auditor\"],\"actor\":\"  \"}", "actor" },
        { "/api/v1/actor-keys", "{\"public_key\":\"not pem\"}", "public_key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvalidBodies_AreProblemDetails_AndAppendNothing(string path, string body, string field)
    {
        using var client = _server.Client();
        var before = await _server.LedgerSizeAsync();
        var response = await client.PostAsync(path, StewardTestServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"expected an error for '{field}' in {problem.ToJsonString()}");
        Assert.Equal(before, await _server.LedgerSizeAsync());
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        using var client = _server.Client();
        var before = await _server.LedgerSizeAsync();
        var response = await client.PostAsync("/api/v1/systems",
            StewardTestServer.Json($"{{\"name\":\"big\",\"owner\":\"o\",\"risk_tier\":\"high\",\"purpose\":\"{new string('x', 10_000)}\"}}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
        Assert.Equal(before, await _server.LedgerSizeAsync());
    }

    [Fact]
    public async Task WrongContentType_AndBadQuery_AreProblems()
    {
        using var client = _server.Client();
        var text = await client.PostAsync("/api/v1/systems", new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await StewardTestServer.ProblemAsync(text);

        foreach (var path in new[] { "/api/v1/systems?limit=0", "/api/v1/systems?cursor=%%%", "/api/v1/ledger/proofs/inclusion?index=5&size=1", "/api/v1/ledger/proofs/consistency?from=0" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await StewardTestServer.ProblemAsync(response);
        }
        var missing = await client.GetAsync("/api/v1/systems/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await StewardTestServer.ProblemAsync(missing);
    }

    [Fact]
    public async Task DuplicateName_IsConflict()
    {
        await _server.RegisterSystemAsync("dup");
        using var client = _server.Client();
        var response = await client.PostAsJsonAsync("/api/v1/systems", new { name = "dup", owner = "o", risk_tier = "minimal" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }
}
