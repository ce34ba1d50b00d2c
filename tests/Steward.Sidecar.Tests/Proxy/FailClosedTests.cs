using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Proxy;

public sealed class FailClosedTests
{
    [Fact]
    public async Task PolicyPastItsTimeLimit_WithholdsTheResponse_With503()
    {
        await using var upstream = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "application/json";
            return c.Response.WriteAsync("{\"marker\":\"SHOULD-NOT-LEAK\"}");
        });
        var engine = Sidecars.Embedded(SlowPolicy.Text, TimeSpan.FromMilliseconds(50), null, SlowPolicy.Data);
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, engine));
        await using var host = app;
        using var http = new HttpClient();

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("urn:steward:sidecar:decision-failed", text, StringComparison.Ordinal);
        Assert.Contains("policy_timeout", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SHOULD-NOT-LEAK", text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task UndefinedPolicy_WithholdsTheResponse()
    {
        await using var upstream = await TestServer.StartAsync(c => c.Response.WriteAsync("{}"));
        var engine = Sidecars.Embedded("package other\n\nallow := true\n");
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, engine));
        await using var host = app;
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("policy_undefined", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
