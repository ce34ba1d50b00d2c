using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Steward.Cli.Tests.Commands.RedTeam;

/// <summary>Our own model endpoints on Kestrel: a classifier that flips on case changes and an LLM that echoes any canary.</summary>
public sealed class StubModel : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/classify", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var text = body["text"]!.GetValue<string>();
            return Results.Json(new { prediction = text.Contains("refund", StringComparison.Ordinal) ? "billing" : "other" });
        });
        _app.MapPost("/chat", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var prompt = body["prompt"]!.GetValue<string>();
            var at = prompt.IndexOf("STW-", StringComparison.Ordinal);
            return Results.Json(new { answer = at >= 0 ? prompt.Substring(at, 16) : "I cannot help with that." });
        });
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
