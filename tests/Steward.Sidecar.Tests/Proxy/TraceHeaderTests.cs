using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Proxy;

/// <summary>The sidecar starts no client spans of its own: W3C trace headers reach the upstream as the caller sent them.</summary>
public sealed class TraceHeaderTests
{
    [Fact]
    public async Task TraceHeaders_ReachTheUpstreamUnchanged()
    {
        string? seenParent = null, seenState = null;
        var seenCount = 0;
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            seenParent = c.Request.Headers["traceparent"];
            seenState = c.Request.Headers["tracestate"];
            seenCount++;
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("{\"label\":\"approve\",\"confidence\":0.9}");
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient();
        const string parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sidecar, "/predict"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("traceparent", parent);
        request.Headers.TryAddWithoutValidation("tracestate", "vendor=x");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, seenCount);
        Assert.Equal(parent, seenParent);
        Assert.Equal("vendor=x", seenState);
    }
}
