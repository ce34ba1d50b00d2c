using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Proxy;

public sealed class SidecarProxyTests
{
    private static readonly byte[] AllowedBody = Encoding.UTF8.GetBytes("{ \"label\" : \"approve\",\n  \"confidence\": 0.93 , \"text\":\"caf\\u00e9 ok\" }");

    private static Task WriteJson(HttpContext c, byte[] body, int status = 200)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json; charset=utf-8";
        c.Response.Headers["X-Model-Version"] = "v3.1";
        c.Response.Headers.ETag = "\"abc\"";
        c.Response.Headers.CacheControl = "private, max-age=5";
        c.Response.Headers.Append("Set-Cookie", "a=1");
        c.Response.Headers.Append("Set-Cookie", "b=2");
        return c.Response.Body.WriteAsync(body).AsTask();
    }

    [Fact]
    public async Task Allow_PassesStatusHeadersAndBodyThroughByteForByte()
    {
        await using var upstream = await TestServer.StartAsync(c => WriteJson(c, AllowedBody, 201));
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient();

        using var direct = await http.PostAsync(new Uri(upstream.Address, "/predict?x=1"), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var proxied = await http.PostAsync(new Uri(sidecar, "/predict?x=1"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, proxied.StatusCode);
        Assert.Equal(AllowedBody, await proxied.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers(direct), Headers(proxied));
    }

    [Fact]
    public async Task Allow_ChunkedUpstreamAnswer_StaysWithoutContentLength()
    {
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(AllowedBody.AsMemory(0, 10));
            await c.Response.Body.FlushAsync();
            await c.Response.Body.WriteAsync(AllowedBody.AsMemory(10));
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient();

        using var proxied = await http.GetAsync(new Uri(sidecar, "/predict"));

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.True(proxied.Headers.TransferEncodingChunked);
        Assert.False(proxied.Content.Headers.Contains("Content-Length"));
        Assert.Equal(AllowedBody, await proxied.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Deny_Answers403ProblemNamingTheRules_AndTheOutputIsNeverForwarded()
    {
        var secret = Encoding.UTF8.GetBytes("{\"label\":\"approve\",\"confidence\":0.2,\"text\":\"forbidden\",\"marker\":\"SECRET-OUTPUT-123\"}");
        await using var upstream = await TestServer.StartAsync(c => WriteJson(c, secret));
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent("{}", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("SECRET-OUTPUT-123", text, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Model-Version"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        Assert.Equal(403, root.GetProperty("status").GetInt32());
        Assert.Equal("urn:steward:sidecar:output-denied", root.GetProperty("type").GetString());
        Assert.Equal("data.ai_policy", root.GetProperty("policy").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("decision_id").GetString(), out _));
        var violations = root.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "low_confidence: confidence below 0.5", "forbidden_text: the output says forbidden" }, violations);
    }

    [Fact]
    public async Task UpstreamDown_Answers502ProblemQuickly()
    {
        var closed = ClosedPort();
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(closed, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Contains("urn:steward:sidecar:upstream-unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpstreamSilent_Answers504AfterTheUpstreamLimit_NotAHang()
    {
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), upstreamTimeout: TimeSpan.FromMilliseconds(300)));
        await using var host = app;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Contains("urn:steward:sidecar:upstream-timeout", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OversizedResponse_IsWithheldWith502(bool withLength)
    {
        var big = Encoding.UTF8.GetBytes("{\"label\":\"approve\",\"confidence\":0.9,\"text\":\"" + new string('x', 5000) + "\"}");
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            if (withLength) c.Response.ContentLength = big.Length;
            await c.Response.Body.WriteAsync(big);
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), o => o.MaxBodyBytes = 1024));
        await using var host = app;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("urn:steward:sidecar:response-too-large", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxxxx", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedRequest_Is413_AndNotForwarded()
    {
        await using var upstream = await TestServer.StartAsync(c => WriteJson(c, AllowedBody));
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), o => o.MaxBodyBytes = 100));
        await using var host = app;
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent(new string('a', 500)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task NonJsonResponse_PolicySeesNullPredictionAndTheContentType()
    {
        await using var upstream = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/plain; charset=utf-8";
            return c.Response.WriteAsync("plain words");
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded()));
        await using var host = app;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not_json: the response is text/plain", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plain words", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckRequest_DeniesBeforeForwarding()
    {
        await using var upstream = await TestServer.StartAsync(c => WriteJson(c, AllowedBody));
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), o => o.CheckRequest = true));
        await using var host = app;
        using var http = new HttpClient();

        using var denied = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent("{\"prompt\":\"forbidden\"}", Encoding.UTF8, "application/json"));
        using var allowed = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent("{\"prompt\":\"fine\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("urn:steward:sidecar:request-denied", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task Input_HasRequestWithoutCredentials_ParsedBodies_EndpointModelAndLatency()
    {
        var capture = new CapturingDecisionPoint();
        string? forwardedBody = null;
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            forwardedBody = await new StreamReader(c.Request.Body).ReadToEndAsync();
            await WriteJson(c, AllowedBody);
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, capture));
        await using var host = app;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sidecar, "/v1/predict"))
        {
            Content = new StringContent("{\"model\":\"credit-v3\",\"applicant\":42}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-secret-1");
        request.Headers.Add("Cookie", "session=sk-secret-2");
        request.Headers.Add("X-Api-Key", "sk-secret-3");
        request.Headers.Add("X-Request-Id", "r-1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"model\":\"credit-v3\",\"applicant\":42}", forwardedBody);
        var input = Assert.Single(capture.Inputs);
        var json = input.ToJson();
        Assert.DoesNotContain("sk-secret", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("response", root.GetProperty("phase").GetString());
        Assert.Equal("scoring", root.GetProperty("endpoint").GetString());
        Assert.Equal("credit-v3", root.GetProperty("model").GetString());
        Assert.Equal("POST", root.GetProperty("request").GetProperty("method").GetString());
        Assert.Equal("/v1/predict", root.GetProperty("request").GetProperty("path").GetString());
        Assert.Equal("r-1", root.GetProperty("request").GetProperty("headers").GetProperty("x-request-id").GetString());
        Assert.Equal(42, root.GetProperty("request").GetProperty("body").GetProperty("applicant").GetInt32());
        Assert.Equal(0.93, root.GetProperty("prediction").GetProperty("confidence").GetDouble());
        Assert.Equal("application/json; charset=utf-8", root.GetProperty("content_type").GetString());
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        Assert.True(root.GetProperty("latency_ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task GzipUpstreamAnswer_IsDecodedToDecide_AndPassedThroughCompressed()
    {
        var capture = new CapturingDecisionPoint();
        byte[] compressed;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(AllowedBody);
            compressed = buffer.ToArray();
        }

        await using var upstream = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "application/json";
            c.Response.Headers.ContentEncoding = "gzip";
            return c.Response.Body.WriteAsync(compressed).AsTask();
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, capture));
        await using var host = app;
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });

        using var response = await http.GetAsync(new Uri(sidecar, "/predict"));

        Assert.Equal(compressed, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"confidence\":0.93", Assert.Single(capture.Inputs).ToJson(), StringComparison.Ordinal);
    }

    internal static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not "Date")
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(" | ", h.Value)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
