using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Tests.Middleware;

public sealed class OneCallMiddlewareTests
{
    [Fact]
    public async Task UseStewardOutputPolicy_WithOptions_DecidesWithoutServiceRegistration()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("steward-mw-").FullName, "d.jsonl");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseStewardOutputPolicy(o =>
        {
            o.DecisionPoint = Sidecars.Embedded();
            o.DecisionLogFile = file;
            o.LogFlushInterval = TimeSpan.FromMilliseconds(20);
        });
        app.MapGet("/ok", () => Results.Json(new { confidence = 0.9 }));
        app.MapGet("/low", () => Results.Json(new { confidence = 0.1 }));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var ok = await http.GetAsync("/ok");
        using var low = await http.GetAsync("/low");
        await app.StopAsync();
        await app.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, low.StatusCode);
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Contains("\"steward_source\":\"middleware\"", line, StringComparison.Ordinal);
    }
}
