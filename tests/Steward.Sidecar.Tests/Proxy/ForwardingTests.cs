using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Proxy;

public sealed class ForwardingTests
{
    [Fact]
    public async Task UpstreamConnections_AreCapped_ExtraRequestsWaitAndSucceed()
    {
        var inFlight = 0;
        var most = 0;
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (UpstreamLock) most = Math.Max(most, now);
            await Task.Delay(300);
            Interlocked.Decrement(ref inFlight);
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("{\"label\":\"approve\",\"confidence\":0.9}");
        });
        var options = Sidecars.Options(upstream.Address, Sidecars.Embedded());
        options = new SidecarOptions { Listen = options.Listen, Upstream = options.Upstream, DecisionPoint = options.DecisionPoint, Output = options.Output, MaxUpstreamConnections = 2 };
        var (app, sidecar) = await Sidecars.StartAsync(options);
        await using var host = app;
        using var http = new HttpClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync(new Uri(sidecar, "/predict"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(2, most);
        Assert.Equal(5, upstream.Requests);
    }

    [Fact]
    public void UpstreamConnectionLimit_BelowOne_IsRefused()
    {
        var options = new SidecarOptions
        {
            Listen = new Uri("http://127.0.0.1:0"), Upstream = new Uri("http://127.0.0.1:1"), DecisionPoint = new CapturingDecisionPoint(), MaxUpstreamConnections = 0,
        };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public async Task NoContentAndHead_PassThroughWithoutABody()
    {
        await using var upstream = await TestServer.StartAsync(c =>
        {
            if (HttpMethods.IsHead(c.Request.Method))
            {
                c.Response.ContentType = "application/json";
                c.Response.ContentLength = 42;
            }
            else
            {
                c.Response.StatusCode = StatusCodes.Status204NoContent;
                c.Response.Headers["X-Done"] = "yes";
            }

            return Task.CompletedTask;
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, new CapturingDecisionPoint()));
        await using var host = app;
        using var http = new HttpClient();

        using var none = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(sidecar, "/predict")));

        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Equal("yes", Assert.Single(none.Headers.GetValues("X-Done")));
        Assert.Empty(await none.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(42, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task WithoutInlineIo_AllowsPassThroughByteForByte_AndDeniesWithoutForwarding_UnderConcurrency()
    {
        var allowed = Encoding.UTF8.GetBytes("{\"label\":\"approve\",\"confidence\":0.9,\"text\":\"fine\"}");
        var denied = Encoding.UTF8.GetBytes("{\"label\":\"approve\",\"confidence\":0.2,\"text\":\"SECRET-OUTPUT\"}");
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            var body = c.Request.Path == "/deny" ? denied : allowed;
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(body);
        });
        var options = Sidecars.Options(upstream.Address, Sidecars.Embedded());
        options = new SidecarOptions { Listen = options.Listen, Upstream = options.Upstream, DecisionPoint = options.DecisionPoint, Output = options.Output, InlineIo = false };
        var (app, sidecar) = await Sidecars.StartAsync(options);
        await using var host = app;
        using var http = new HttpClient();

        // Many connections at once, every step handed to the thread pool (the other tests run with the default, inline I/O).
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            using var response = await http.PostAsync(new Uri(sidecar, i % 2 == 0 ? "/allow" : "/deny"), new StringContent("{}", Encoding.UTF8, "application/json"));
            return (i, response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync());
        }));

        foreach (var (i, status, body) in answers)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(allowed, body);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, status);
                Assert.DoesNotContain("SECRET-OUTPUT", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
            }
        }
    }

    private static readonly Lock UpstreamLock = new();
}
