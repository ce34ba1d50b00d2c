using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Server;

namespace Steward.Benchmarks.Load;

/// <summary>
/// Open-loop load: records decisions over HTTP at a fixed rate against a real server (Kestrel, SQLite) and
/// reports latency percentiles measured from each request's scheduled start (no coordinated omission).
/// Target: p99 at most 10 ms at 500 requests/s.
/// <c>dotnet run -c Release --project bench/Steward.Benchmarks -- load-decisions [--rate 500] [--seconds 30]</c>
/// </summary>
internal static class DecisionLoad
{
    private const string AdminKey = "stw_loadtest_admin-key-for-the-load-harness-000000";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 500);
        var seconds = Option(args, "--seconds", 30);
        var data = Directory.CreateTempSubdirectory("steward-load-").FullName;
        var app = StewardServer.Build(new StewardServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = data, Console = TextWriter.Null },
            [$"--BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri(app.Urls.First());
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var admin = Client(handler, baseAddress, AdminKey);
            var system = await (await admin.PostAsJsonAsync("/api/v1/systems", new { name = "load-system", owner = "o", risk_tier = "high" })).Content.ReadFromJsonAsync<JsonObject>();
            var approverKey = (await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "load-approver", roles = new[] { "approver" } })).Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
            using var approver = Client(handler, baseAddress, approverKey);
            var body = new
            {
                type = "deployment_approval",
                subject = new { kind = "system", id = system!["id"]!.GetValue<string>() },
                outcome = "approved",
                rationale = "Validation report reviewed; fairness metrics within agreed bounds.",
                risk_acknowledged = "residual drift risk",
                evidence = new[] { new { uri = "https://wiki.example.com/validation/42", sha256 = new string('a', 64) } },
                refs = new Dictionary<string, string> { ["mlflow_run_id"] = "0f1e2d3c4b5a", ["ticket"] = "GOV-12" },
            };

            // Warm-up: 2 s at the target rate, not measured.
            await Drive(approver, body, rate, 2);
            var (latencies, errors) = await Drive(approver, body, rate, seconds);
            Array.Sort(latencies);
            double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"decisions over HTTP: {latencies.Length} requests at {rate}/s for {seconds} s, errors {errors}; latency ms p50 {P(0.50):F2} p90 {P(0.90):F2} p99 {P(0.99):F2} p99.9 {P(0.999):F2} max {latencies[^1]:F2}"));
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<(double[] Latencies, int Errors)> Drive(HttpClient client, object body, int rate, int seconds) =>
        OpenLoop.RunAsync(rate, seconds, async () =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/decisions", body);
            return response.StatusCode == HttpStatusCode.Created;
        });

    private static HttpClient Client(HttpMessageHandler handler, Uri baseAddress, string key)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
