using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Support;

/// <summary>
/// A Kestrel server that accepts decision logs as OPA's documented service API sends them: <c>POST /logs</c>,
/// <c>Content-Encoding: gzip</c>, <c>Content-Type: application/json</c>, a gzip JSON array of events. Anything else is
/// answered 400 and counted as a violation of the shape.
/// </summary>
public sealed class LogReceiver : IAsyncDisposable
{
    private readonly TestServer _server;
    private int _failuresLeft;

    private LogReceiver(TestServer server) => _server = server;

    public Uri Address => _server.Address;

    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public ConcurrentQueue<string> ShapeErrors { get; } = new();

    public int Posts;

    public static async Task<LogReceiver> StartAsync(int failFirst = 0)
    {
        LogReceiver? receiver = null;
        var server = await TestServer.StartAsync(c => receiver!.Handle(c));
        receiver = new LogReceiver(server) { _failuresLeft = failFirst };
        return receiver;
    }

    public async Task<IReadOnlyList<JsonElement>> WaitForEventsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Events.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return [.. Events];
    }

    private async Task Handle(HttpContext c)
    {
        Interlocked.Increment(ref Posts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            c.Response.StatusCode = 503;
            return;
        }

        var problems = new List<string>();
        if (c.Request.Method != "POST") problems.Add("method " + c.Request.Method);
        if (c.Request.Path != "/logs") problems.Add("path " + c.Request.Path);
        if (c.Request.Headers.ContentEncoding != "gzip") problems.Add("content-encoding " + c.Request.Headers.ContentEncoding);
        if (!(c.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal)) problems.Add("content-type " + c.Request.ContentType);
        Authorizations.Enqueue(c.Request.Headers.Authorization.ToString());
        using var body = new MemoryStream();
        await new GZipStream(c.Request.Body, CompressionMode.Decompress).CopyToAsync(body);
        using var doc = JsonDocument.Parse(body.ToArray());
        if (doc.RootElement.ValueKind != JsonValueKind.Array) problems.Add("body is not an array");
        else
        {
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                foreach (var field in new[] { "labels", "decision_id", "path", "input", "timestamp", "steward" })
                {
                    if (!e.TryGetProperty(field, out _)) problems.Add("missing " + field);
                }

                if (e.TryGetProperty("timestamp", out var ts) && !DateTimeOffset.TryParse(ts.GetString(), out _)) problems.Add("timestamp " + ts);
                Events.Enqueue(e.Clone());
            }
        }

        foreach (var p in problems) ShapeErrors.Enqueue(p);
        c.Response.StatusCode = problems.Count == 0 ? 204 : 400;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
