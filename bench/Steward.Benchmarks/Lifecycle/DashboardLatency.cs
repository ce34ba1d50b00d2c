using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Benchmarks.Load;
using Steward.Server;

namespace Steward.Benchmarks.Lifecycle;

/// <summary>
/// <c>dashboard-latency [--systems N] [--requests R]</c>: a real server (Kestrel, SQLite) with N systems, each with a few
/// decisions and one refused stage change; then R sequential requests each of the systems list (first page and a later
/// page, each listed system's next gate evaluated), a system page (three gates and the history) and its board report,
/// with the latency distribution of each.
/// </summary>
internal static class DashboardLatency
{
    private const string Key = "stw_benchdash_admin-key-for-benchmarks-only-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var systems = 1000;
        var requests = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--systems": systems = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        var directory = Directory.CreateTempSubdirectory("steward-dash-bench-").FullName;
        var app = StewardServer.Build(new StewardServerOptions
        {
            Urls = "http://127.0.0.1:0", DataDirectory = directory, Origin = "bench.example/steward", Console = TextWriter.Null,
        }, [$"--BOOTSTRAP_KEY={Key}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var approverKey = (await (await http.PostAsJsonAsync("/api/v1/api-keys", new { name = "approver@example.com", roles = new[] { "approver" } }))
                .Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
            using var approver = new HttpClient { BaseAddress = http.BaseAddress };
            approver.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", approverKey);

            var seed = Stopwatch.StartNew();
            var ids = new string[systems];
            await Parallel.ForAsync(0, systems, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var system = await (await http.PostAsJsonAsync("/api/v1/systems", new
                {
                    name = $"system-{i:D5}", purpose = "benchmark system", owner = "owner@example.com", business_unit = "bench", risk_tier = "high",
                }, ct)).Content.ReadFromJsonAsync<JsonObject>(ct);
                ids[i] = system!["id"]!.GetValue<string>();
                foreach (var type in new[] { "business_approval", "ethical_review" })
                    await approver.PostAsJsonAsync("/api/v1/decisions", new
                    {
                        type, subject = new { kind = "system", id = ids[i] }, outcome = i % 3 == 0 ? "rejected" : "approved", rationale = "benchmark",
                    }, ct);
                await http.PostAsJsonAsync($"/api/v1/systems/{ids[i]}/stage", new { to = "deployment" }, ct);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {systems} systems in {seed.Elapsed.TotalSeconds:F1} s"));

            var later = await NextCursorAsync(http);
            var pages = new (string Name, Func<int, string> Path)[]
            {
                ("systems list, first page", _ => "/ui/inventory"),
                ("systems list, a later page", _ => later),
                ("system page", i => $"/ui/systems/{ids[i * 7919 % systems]}"),
                ("board report (html)", i => $"/ui/systems/{ids[i * 104729 % systems]}/reports/board?format=html"),
            };
            foreach (var (name, path) in pages)
            {
                for (var i = 0; i < 10; i++) (await http.GetAsync(path(i))).EnsureSuccessStatusCode();
                var latencies = new double[requests];
                for (var i = 0; i < requests; i++)
                {
                    var t = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(path(i));
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
                var (p50, p90, p99, _, max) = OpenLoop.Percentiles(latencies);
                var p95 = latencies.Order().ElementAt((int)Math.Ceiling(0.95 * latencies.Length) - 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-28} p50 {p50,7:F1} ms  p90 {p90,7:F1} ms  p95 {p95,7:F1} ms  p99 {p99,7:F1} ms  max {max,7:F1} ms"));
            }
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<string> NextCursorAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/v1/systems?limit=500");
        var cursor = page!["next_cursor"]?.GetValue<string>();
        return cursor is null ? "/ui/inventory" : $"/ui/inventory?cursor={Uri.EscapeDataString(cursor)}";
    }
}
