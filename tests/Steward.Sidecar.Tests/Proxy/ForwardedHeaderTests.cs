using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;


namespace Steward.Sidecar.Tests.Proxy;

/// <summary>What reaches the upstream and the caller: the behaviour YARP's forwarder had, recorded before the sidecar forwarded by itself.</summary>
public sealed class ForwardedHeaderTests
{
    [Fact]
    public async Task HopByHopHeadersAreDropped_EndToEndOnesPass_PathAndQueryKeepTheirEncoding()
    {
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in c.Request.Headers) seen[k.ToLowerInvariant()] = v.ToString();
            seen["@protocol"] = c.Request.Protocol;
            seen["@target"] = c.Request.Path + c.Request.QueryString; seen["@raw"] = c.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget; seen["@upstream"] = c.Request.Host.Value ?? "";
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            seen["@body"] = body;
            c.Response.ContentType = "application/json";
            c.Response.Headers["Connection"] = "X-Resp-Hop";
            c.Response.Headers["X-Resp-Hop"] = "1";
            c.Response.Headers["Keep-Alive"] = "timeout=5";
            c.Response.Headers["Proxy-Authenticate"] = "Basic";
            c.Response.Headers["Proxy-Connection"] = "keep-alive";
            c.Response.Headers["Alt-Svc"] = "h2=\":443\"";
            c.Response.Headers["Strict-Transport-Security"] = "max-age=5";
            c.Response.Headers["Trailer"] = "X-T";
            c.Response.Headers["Upgrade"] = "foo";
            c.Response.Headers["Close"] = "x";
            c.Response.Headers["Via"] = "1.1 up";
            c.Response.Headers["Server"] = "upstream-server";
            c.Response.Headers["Date"] = "Mon, 01 Jan 2024 00:00:00 GMT";
            c.Response.Headers["X-Custom"] = "a";
            c.Response.Headers.Append("X-Multi", "1");
            c.Response.Headers.Append("X-Multi", "2");
            await c.Response.WriteAsync(JsonSerializer.Serialize(seen));
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;

        var body = "{\"a\":1}";
        var request = "POST /predict/x%20y/a%2Fb/%7E~/c:d@e;f=g?q=1&r=%2F+%20 HTTP/1.1\r\n"
            + $"Host: {sidecar.Authority}\r\n"
            + "Connection: close, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\n"
            + "Proxy-Authorization: Basic eA==\r\nProxy-Authenticate: x\r\nTE: trailers, deflate\r\nTrailer: X-T\r\nUpgrade-Insecure-Requests: 1\r\n"
            + "Alt-Svc: x\r\nStrict-Transport-Security: max-age=1\r\nClose: x\r\nALPN: h2\r\nHTTP2-Settings: AAA\r\nSecurity-Scheme: x\r\nProxy-Features: x\r\nProxy-Instruction: x\r\nProxy-Authentication-Info: x\r\n"
            + "X-Forwarded-For: 1.2.3.4\r\nForwarded: for=1.2.3.4\r\nVia: 1.0 client\r\nAccept-Encoding: gzip, br\r\nAccept: application/json\r\nUser-Agent: probe/1\r\n"
            + "Expect: 100-continue\r\nContent-Type: application/json\r\nContent-MD5: xyz\r\nContent-Language: en\r\nX-Multi: 1\r\nX-Multi: 2\r\nCookie: a=1\r\nCookie: b=2\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n" + body;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(sidecar.Host, sidecar.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var text = await new StreamReader(stream).ReadToEndAsync();
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split].Split("\r\n").Skip(1).Select(l => l.Split(": ", 2)).ToLookup(p => p[0].ToLowerInvariant(), p => p[1]);
        var json = text[(split + 4)..];
        using var seen = JsonDocument.Parse(json[(json.IndexOf('{', StringComparison.Ordinal))..(json.LastIndexOf('}') + 1)]);
        var up = seen.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        // YARP sent an encoded slash in the path as %252F (encoding its %); the sidecar keeps %2F as the caller sent it.
        Assert.Equal("/predict/x%20y/a%2Fb/~~/c:d@e;f=g?q=1&r=%2F+%20", up["@raw"]);
        Assert.Equal(upstream.Address.Authority, up["host"]);
        Assert.Equal("{\"a\":1}", up["@body"]);
        Assert.Equal("7", up["content-length"]);
        Assert.Equal("a=1; b=2", up["cookie"]);
        Assert.Equal("1, 2", up["x-multi"]);
        foreach (var kept in new[] { "accept", "content-language", "content-md5", "content-type", "forwarded", "strict-transport-security", "trailer", "user-agent", "via", "x-forwarded-for", "x-hop" })
            Assert.True(up.ContainsKey(kept), kept);
        foreach (var dropped in new[] { "connection", "keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate", "te", "upgrade-insecure-requests", "alt-svc", "close", "alpn", "http2-settings", "security-scheme", "proxy-features", "proxy-instruction", "proxy-authentication-info", "accept-encoding", "expect", "x-forwarded-host", "x-forwarded-proto" })
            Assert.False(up.ContainsKey(dropped), dropped);

        Assert.StartsWith("HTTP/1.1 200 OK", text, StringComparison.Ordinal);
        Assert.Equal(["Mon, 01 Jan 2024 00:00:00 GMT"], head["date"]);
        Assert.Equal(["upstream-server"], head["server"]);
        Assert.Equal(["1", "2"], head["x-multi"]);
        foreach (var kept in new[] { "trailer", "via", "x-resp-hop", "strict-transport-security", "x-custom", "content-type" })
            Assert.True(head.Contains(kept), kept);
        foreach (var dropped in new[] { "keep-alive", "proxy-authenticate", "proxy-connection", "alt-svc", "upgrade", "close" })
            Assert.False(head.Contains(dropped), dropped);
        Assert.Equal(["close"], head["connection"]);
    }

    [Fact]
    public async Task WebSocketUpgrade_Answers501Problem_AndNeverReachesTheUpstream()
    {
        await using var upstream = await TestServer.StartAsync(c => c.Response.WriteAsync("{\"label\":\"x\",\"confidence\":0.9}"));
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;

        var request = "GET /chat HTTP/1.1\r\n"
            + $"Host: {sidecar.Authority}\r\n"
            + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(sidecar.Host, sidecar.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var text = "";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!text.Contains('}', StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, cts.Token);
            if (n == 0) break;
            text += Encoding.UTF8.GetString(buffer, 0, n);
        }

        Assert.StartsWith("HTTP/1.1 501", text, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..(text.LastIndexOf('}') + 1)]);
        Assert.Equal("urn:steward:sidecar:upgrade-not-proxied", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains("websocket", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, upstream.Requests);
    }
}
