using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Tests.Middleware;

/// <summary>The in-process form: a real Kestrel application with <c>UseStewardOutputPolicy</c>.</summary>
public sealed class OutputPolicyMiddlewareTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string? _seenBody;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddStewardOutputPolicy(o =>
        {
            o.DecisionPoint = Sidecars.Embedded();
            o.Endpoint = "in-process";
            o.CheckRequest = true;
            o.MaxBodyBytes = 2048;
        });
        _app = builder.Build();
        _app.UseStewardOutputPolicy();
        _app.MapPost("/predict", async (HttpContext c) =>
        {
            _seenBody = await new StreamReader(c.Request.Body).ReadToEndAsync();
            using var doc = JsonDocument.Parse(_seenBody);
            var confidence = doc.RootElement.GetProperty("confidence").GetDouble();
            c.Response.Headers["X-Model"] = "m1";
            return Results.Json(new { label = "approve", confidence, marker = "APP-OUTPUT" });
        });
        _app.MapGet("/big", () => Results.Text(new string('x', 5000)));
        _app.MapGet("/stream", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.StartAsync();
            await c.Response.WriteAsync("{\"confidence\":");
            await c.Response.Body.FlushAsync();
            await c.Response.WriteAsync("0.2}");
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> Predict(string body) =>
        _http.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Allowed_ResponseIsUnchanged_AndTheAppStillReadsTheRequestBody()
    {
        using var response = await Predict("{\"confidence\":0.9}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("m1", response.Headers.GetValues("X-Model").Single());
        Assert.Contains("APP-OUTPUT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("{\"confidence\":0.9}", _seenBody);
    }

    [Fact]
    public async Task Denied_Is403Problem_WithoutTheAppsOutputOrHeaders()
    {
        using var response = await Predict("{\"confidence\":0.2}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("APP-OUTPUT", text, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Model"));
        Assert.Contains("low_confidence: confidence below 0.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAndFlushingTheResponse_DoesNotLeakItBeforeTheDecision()
    {
        using var response = await _http.GetAsync("/stream");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("{\"type\":\"urn:steward:sidecar:output-denied\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCheck_StopsTheRequestBeforeTheApp()
    {
        _seenBody = null;
        using var response = await Predict("{\"prompt\":\"forbidden\",\"confidence\":0.9}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_seenBody);
    }

    [Fact]
    public async Task OversizedResponse_IsWithheldWith500()
    {
        using var response = await _http.GetAsync("/big");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("urn:steward:sidecar:response-too-large", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", text, StringComparison.Ordinal);
    }
}
