using System.Net;
using System.Text;

namespace Steward.Server.Tests.Policies;

/// <summary>Every bad request to the OPA-compatible API is a problem document with OPA's code, and writes nothing.</summary>
public sealed class OpaBadInputTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Policy:MaxInputBytes"] = "4096" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> BadEvaluationBodies() => new()
    {
        "{\"input\": {\"a\": ",
        "[1, 2]",
        "\"input\"",
        "{\"input\": 1, \"unknown\": 2}",
        "{\"input\": " + new string('[', 80) + new string(']', 80) + "}",
        "{\"input\": \"" + new string('x', 5000) + "\"}",
    };

    [Theory]
    [MemberData(nameof(BadEvaluationBodies))]
    public async Task InvalidOrOversizedInput_Is400_WithOpaCode(string body)
    {
        using var client = _server.Client();
        var response = await client.PostAsync("/v1/data/ai_policy/allow", StewardTestServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.Equal("invalid_parameter", problem["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["message"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/v1/data/x?input=%7Bnot-json")]
    [InlineData("/v1/data/x?input=1&input=2")]
    [InlineData("/v1/data/a//b")]
    [InlineData("/v1/policies/..%2Fetc")]
    [InlineData("/v1/policies/a%20b")]
    [InlineData("/api/v1/policy-decisions?allowed=maybe")]
    [InlineData("/api/v1/policy-decisions?source=elsewhere")]
    [InlineData("/api/v1/policy-decisions?limit=0")]
    [InlineData("/api/v1/policy-decisions?cursor=%25%25")]
    public async Task BadQueryOrPath_Is400(string url)
    {
        using var client = _server.Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Fact]
    public async Task ModuleWithSyntaxErrors_Is400_WithEveryErrorsPosition_AndNothingIsWritten()
    {
        using var client = _server.Client();
        var before = await _server.LedgerSizeAsync();
        using var content = new StringContent("package broken\n\nallow if {\n    input.x ==\n}\n", Encoding.UTF8, "text/plain");
        var response = await client.PutAsync("/v1/policies/broken.rego", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.Equal("invalid_parameter", problem["code"]!.GetValue<string>());
        var error = problem["errors"]![0]!;
        Assert.Equal("rego_parse_error", error["code"]!.GetValue<string>());
        Assert.Equal("broken.rego", error["location"]!["file"]!.GetValue<string>());
        Assert.True(error["location"]!["row"]!.GetValue<int>() >= 4);
        Assert.True(error["location"]!["col"]!.GetValue<int>() >= 1);
        Assert.Contains("broken.rego:", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/policies/broken.rego")).StatusCode);
        Assert.Equal(before, await _server.LedgerSizeAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyModule_Is400(string text)
    {
        using var client = _server.Client();
        var response = await client.PutAsync("/v1/policies/empty.rego", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Fact]
    public async Task ModuleThatIsNotUtf8_Is400()
    {
        using var client = _server.Client();
        using var content = new ByteArrayContent([0x70, 0x61, 0xff, 0xfe]);
        var response = await client.PutAsync("/v1/policies/bytes.rego", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Theory]
    [InlineData("{\"a\": ")]
    [InlineData("")]
    public async Task BadDataDocument_Is400_AndNothingIsWritten(string body)
    {
        using var client = _server.Client();
        var before = await _server.LedgerSizeAsync();
        var response = await client.PutAsync("/v1/data/limits", StewardTestServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
        var root = await client.PutAsync("/v1/data/", StewardTestServer.Json("[1]"));
        Assert.Equal(HttpStatusCode.BadRequest, root.StatusCode);
        Assert.Equal(before, await _server.LedgerSizeAsync());
    }

    [Fact]
    public async Task Roles_AnyRoleEvaluates_OnlyAdminWrites_NoKeyIs401()
    {
        var auditor = await _server.KeyAsync("auditor", "auditor");
        var contributor = await _server.KeyAsync("contributor", "contributor");
        using var asAuditor = _server.Client(auditor);
        using var asContributor = _server.Client(contributor);
        using var anonymous = _server.Client(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await asContributor.PutAsync("/v1/policies/x.rego", new StringContent("package x\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAuditor.PutAsync("/v1/data/x", StewardTestServer.Json("1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAuditor.DeleteAsync("/v1/policies/x.rego")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAuditor.PostAsync("/logs", StewardTestServer.Json("[]"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1/data/x", StewardTestServer.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/policies")).StatusCode);
        using var wrongKey = _server.Client("stw_nothing_wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsync("/logs", StewardTestServer.Json("[]"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asAuditor.GetAsync("/v1/policies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asAuditor.GetAsync("/api/v1/policy-decisions")).StatusCode);
    }
}
