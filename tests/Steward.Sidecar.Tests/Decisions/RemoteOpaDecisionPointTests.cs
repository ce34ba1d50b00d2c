using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Decisions;

/// <summary>The remote engine against a Kestrel server that speaks OPA's REST shape.</summary>
public sealed class RemoteOpaDecisionPointTests
{
    private static readonly PolicyPath Path = PolicyPath.Parse("data.ai_policy");
    private static readonly Value Input = ValueJson.Parse("{\"prediction\":{\"confidence\":0.3}}");

    private static RemoteOpaDecisionPoint Engine(Uri opa, int timeoutMs = 5000) =>
        new(new HttpClient(), new RemoteOpaOptions { BaseAddress = opa, Timeout = TimeSpan.FromMilliseconds(timeoutMs) });

    private static Func<HttpContext, Task> Answer(string json, int status = 200) => c =>
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(json);
    };

    [Fact]
    public async Task PostsTheInputToV1Data_AndReadsTheResult()
    {
        string? path = null, body = null, contentType = null;
        await using var opa = await TestServer.StartAsync(async c =>
        {
            path = c.Request.Path;
            contentType = c.Request.ContentType;
            body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            await Answer("{\"decision_id\":\"x\",\"result\":{\"allow\":false,\"deny\":[\"low: confidence\",{\"msg\":\"obj: message\"}]}}")(c);
        });

        var decision = await Engine(opa.Address).DecideAsync(Path, Input);

        Assert.Equal("/v1/data/ai_policy", path);
        Assert.Equal("application/json", contentType);
        Assert.Equal("{\"input\":{\"prediction\":{\"confidence\":0.3}}}", body);
        Assert.False(decision.Allowed);
        Assert.Null(decision.Error);
        Assert.Equal(["low: confidence", "obj: message"], decision.Deny);
        Assert.NotNull(decision.Result);
    }

    [Fact]
    public async Task AllowTrueAndNoDeny_Allows()
    {
        await using var opa = await TestServer.StartAsync(Answer("{\"result\":{\"allow\":true,\"deny\":[]}}"));
        var decision = await Engine(opa.Address).DecideAsync(Path, Input);
        Assert.True(decision.Allowed);
        Assert.Empty(decision.Deny);
    }

    [Theory]
    [InlineData("{}", DecisionErrorCodes.Undefined)]
    [InlineData("{\"result\":42}", DecisionErrorCodes.BadResult)]
    [InlineData("{\"result\":{\"allow\":\"yes\"}}", DecisionErrorCodes.BadResult)]
    [InlineData("not json", DecisionErrorCodes.MalformedResponse)]
    [InlineData("[1,2]", DecisionErrorCodes.MalformedResponse)]
    public async Task UndefinedOrMalformedAnswers_DenyWithTheReason(string answer, string code)
    {
        await using var opa = await TestServer.StartAsync(Answer(answer));
        var decision = await Engine(opa.Address).DecideAsync(Path, Input);
        Assert.False(decision.Allowed);
        Assert.Equal(code, decision.Error?.Code);
        Assert.StartsWith(code, Assert.Single(decision.Deny), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpError_DeniesWithOpasCodeAndMessage()
    {
        await using var opa = await TestServer.StartAsync(Answer("{\"code\":\"internal_error\",\"message\":\"eval_conflict_error: complete rules must not produce multiple outputs\"}", 500));
        var decision = await Engine(opa.Address).DecideAsync(Path, Input);
        Assert.False(decision.Allowed);
        Assert.Equal(DecisionErrorCodes.HttpError, decision.Error?.Code);
        Assert.Contains("500 internal_error: eval_conflict_error", decision.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowServer_DeniesAtTheTimeLimit()
    {
        await using var opa = await TestServer.StartAsync(async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);
            await Answer("{\"result\":{\"allow\":true}}")(c);
        });
        var clock = Stopwatch.StartNew();
        var decision = await Engine(opa.Address, timeoutMs: 100).DecideAsync(Path, Input);
        Assert.False(decision.Allowed);
        Assert.Equal(DecisionErrorCodes.Timeout, decision.Error?.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task UnreachableServer_Denies()
    {
        var decision = await Engine(Proxy.SidecarProxyTests.ClosedPort()).DecideAsync(Path, Input);
        Assert.False(decision.Allowed);
        Assert.Equal(DecisionErrorCodes.Unreachable, decision.Error?.Code);
    }

    [Fact]
    public async Task OversizedAnswer_Denies()
    {
        await using var opa = await TestServer.StartAsync(Answer("{\"result\":{\"pad\":\"" + new string('x', 5000) + "\"}}"));
        var engine = new RemoteOpaDecisionPoint(new HttpClient(), new RemoteOpaOptions { BaseAddress = opa.Address, MaxResponseBytes = 1000, Timeout = TimeSpan.FromSeconds(10) });
        var decision = await engine.DecideAsync(Path, Input);
        Assert.Equal(DecisionErrorCodes.MalformedResponse, decision.Error?.Code);
    }

    [Fact]
    public async Task ThroughTheSidecar_DenyAndFailuresWithholdTheResponse()
    {
        var mode = "allow";
        await using var opa = await TestServer.StartAsync(async c =>
        {
            switch (mode)
            {
                case "allow": await Answer("{\"result\":{\"allow\":true,\"deny\":[]}}")(c); break;
                case "deny": await Answer("{\"result\":{\"allow\":false,\"deny\":[\"opa_rule: denied remotely\"]}}")(c); break;
                case "undefined": await Answer("{}")(c); break;
                default: await Task.Delay(10_000, c.RequestAborted); break;
            }
        });
        await using var upstream = await TestServer.StartAsync(c => c.Response.WriteAsync("{\"text\":\"MODEL-OUTPUT\"}"));
        var options = new SidecarOptions
        {
            Listen = new Uri("http://127.0.0.1:0"),
            Upstream = upstream.Address,
            OpaUrl = opa.Address,
            DecisionTimeout = TimeSpan.FromMilliseconds(1000),
        };
        var (app, sidecar) = await Sidecars.StartAsync(options);
        await using var host = app;
        using var http = new HttpClient();

        async Task<(HttpStatusCode, string)> Get()
        {
            using var r = await http.PostAsync(new Uri(sidecar, "/p"), new StringContent("{}", Encoding.UTF8, "application/json"));
            return (r.StatusCode, await r.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.OK, "{\"text\":\"MODEL-OUTPUT\"}"), await Get());
        mode = "deny";
        var (status, text) = await Get();
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("opa_rule: denied remotely", JsonDocument.Parse(text).RootElement.GetProperty("violations")[0].GetString());
        foreach (var (m, code) in new[] { ("undefined", "policy_undefined"), ("slow", "policy_timeout") })
        {
            mode = m;
            (status, text) = await Get();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.DoesNotContain("MODEL-OUTPUT", text, StringComparison.Ordinal);
        }
    }
}
