using System.Net;
using System.Text.Json.Nodes;

namespace Steward.Client.Tests;

public sealed class PoliciesClientTests
{
    [Fact]
    public async Task Evaluate_PostsInput_AndTellsUndefinedFromFalse()
    {
        var server = new FakeServer(
            FakeServer.Json("""{"result": false, "decision_id": "d1"}"""),
            FakeServer.Json("{}"));
        using var client = server.Client();

        var answer = await client.Policies.EvaluateAsync("ai_policy/allow", new JsonObject { ["score"] = 0.2 }, TestContext.Current.CancellationToken);
        var undefined = await client.Policies.EvaluateAsync("ai_policy/nothing", null, TestContext.Current.CancellationToken);

        Assert.True(answer.Defined);
        Assert.False(answer.Result!.GetValue<bool>());
        Assert.Equal("d1", answer.DecisionId);
        Assert.False(undefined.Defined);
        Assert.Equal("http://steward.test/v1/data/ai_policy/allow", server.Requests[0].Request.RequestUri!.ToString());
        Assert.Equal("""{"input":{"score":0.2}}""", server.Requests[0].Body);
        Assert.Equal("{}", server.Requests[1].Body);
    }

    [Fact]
    public async Task Put_SendsRegoText_WithEachIdSegmentEscaped()
    {
        var server = new FakeServer(FakeServer.Json("{}"));
        using var client = server.Client();

        await client.Policies.PutAsync("authz/my policy.rego", "package authz\n", TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/v1/policies/authz/my%20policy.rego", request.RequestUri!.AbsolutePath);
        Assert.Equal("text/plain", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("package authz\n", body);
    }

    [Fact]
    public async Task OpaStyleError_KeepsTheProblemDetail()
    {
        var server = new FakeServer(FakeServer.Json(
            """{"title":"Invalid request","status":400,"detail":"error(s) occurred while compiling module(s): a.rego:4:3: rego_unsafe_var_error: var x is unsafe","code":"invalid_parameter","errors":[{"code":"rego_unsafe_var_error","message":"var x is unsafe","location":{"file":"a.rego","row":4,"col":3}}]}""",
            HttpStatusCode.BadRequest));
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<StewardApiException>(() => client.Policies.PutAsync("a.rego", "package a", TestContext.Current.CancellationToken));

        Assert.Contains("a.rego:4:3", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Problem!.Errors);
    }
}
