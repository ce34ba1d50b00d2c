using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Tickets;

/// <summary>
/// A local Kestrel server standing in for an outside tracker. Subclasses enforce the tracker's documented request shapes
/// and answer with its documented success and error shapes; tests can queue faults (status, Retry-After, a lost answer).
/// </summary>
public abstract class FakeTracker : IAsyncDisposable
{
    private WebApplication? _app;

    protected FakeTracker(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every request seen: method, path and query, and the Authorization header.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Authorization)> Requests { get; } = new();

    /// <summary>Faults served before the next requests (matching the path prefix), in order.</summary>
    public ConcurrentQueue<(string PathPrefix, int Status, int? RetryAfterSeconds)> Faults { get; } = new();

    /// <summary>When set, the next request to this path prefix is carried out but its answer is lost (connection aborted).</summary>
    public string? LoseAnswerTo { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString()));
            if (Faults.TryPeek(out var fault) && context.Request.Path.StartsWithSegments(fault.PathPrefix) && Faults.TryDequeue(out fault))
            {
                if (fault.RetryAfterSeconds is { } wait) context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, fault.Status, FaultBody(fault.Status));
                return;
            }
            if (!Authorized(context.Request.Headers.Authorization.ToString()))
            {
                await WriteAsync(context, 401, Unauthorized());
                return;
            }
            JsonNode? body = null;
            if (context.Request.Method is "POST" or "PATCH" or "PUT")
            {
                if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    await WriteAsync(context, 415, Error("Unsupported Media Type: send application/json"));
                    return;
                }
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                try { body = JsonNode.Parse(await reader.ReadToEndAsync()); }
                catch (System.Text.Json.JsonException) { await WriteAsync(context, 400, Error("Invalid request payload")); return; }
            }
            var (status, answer) = Handle(context.Request.Method, context.Request.Path.Value ?? "", context.Request.Query, body);
            if (LoseAnswerTo is { } lose && context.Request.Path.StartsWithSegments(lose) && context.Request.Method == "POST")
            {
                LoseAnswerTo = null;
                context.Abort();
                return;
            }
            await WriteAsync(context, status, answer);
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    protected abstract bool Authorized(string authorization);
    protected abstract JsonNode Unauthorized();
    protected abstract JsonNode Error(string message);
    protected abstract (int Status, JsonNode? Body) Handle(string method, string path, IQueryCollection query, JsonNode? body);

    private JsonNode FaultBody(int status) => status switch
    {
        429 => Error("Rate limit exceeded"),
        _ => Error("Service Unavailable"),
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is null) return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public static string Basic(string user, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }
}
