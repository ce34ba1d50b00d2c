using System.Net.Http.Headers;
using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Server.Tests.Policies;

/// <summary>The platform's own OPA client (<see cref="RemoteOpaDecisionPoint"/>, used by the sidecar) pointed at Steward instead of OPA.</summary>
public sealed class RemoteDecisionPointTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await StewardTestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RemoteOpaDecisionPoint_DecidesAgainstSteward()
    {
        using (var admin = _server.Client())
        {
            await PolicyTestData.PutPolicyAsync(admin, "ai_policy.rego", PolicyTestData.AiPolicy);
            await PolicyTestData.PutDataAsync(admin, "", PolicyTestData.AiPolicyData);
        }
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _server.KeyAsync("sidecar", "service"));
        var point = new RemoteOpaDecisionPoint(http, new RemoteOpaOptions { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) });

        var allowed = await point.DecideAsync(PolicyPath.Parse("ai_policy.decision"),
            ValueJson.Parse("""{"prediction": {"score": 0.8, "model": "credit-v3"}}"""), TestContext.Current.CancellationToken);
        var denied = await point.DecideAsync(PolicyPath.Parse("ai_policy.decision"),
            ValueJson.Parse("""{"prediction": {"score": 0.1, "model": "credit-v3"}}"""), TestContext.Current.CancellationToken);
        var undefined = await point.DecideAsync(PolicyPath.Parse("ai_policy.nothing"), ObjectValue.Empty, TestContext.Current.CancellationToken);

        Assert.True(allowed.Allowed, string.Join("; ", allowed.Deny));
        Assert.False(denied.Allowed);
        Assert.Equal(["score is below the minimum"], denied.Deny);
        Assert.False(undefined.Allowed);
        Assert.NotNull(undefined.Error);
    }
}
