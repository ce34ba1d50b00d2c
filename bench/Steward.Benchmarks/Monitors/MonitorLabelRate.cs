using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Server;

namespace Steward.Benchmarks.Monitors;

/// <summary>
/// <c>monitor-label-rate [--rows N] [--batches B]</c>: a real server (Kestrel, SQLite). Two monitors over the same
/// predictions (4 features, prediction, score, a sensitive attribute), one with <c>id_column</c>: B batches of N
/// unlabelled rows go to each (the ratio is what storing predictions for late labels costs a batch); then the labels
/// of the first half, as files of N rows, while the window is open, a run, and the second half against the closed
/// window (each post a new report revision and ledger entry). Prints labels joined per second of wall time and of
/// this process's CPU time (server and client share the process).
/// </summary>
internal static class MonitorLabelRate
{
    private const string Key = "stw_benchlabel_admin-key-for-benchmarks-only-012345678";

    public static async Task<int> RunAsync(string[] args)
    {
        int rows = 20_000, batches = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batches": batches = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{batches} batches x {rows} rows; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        var directory = Directory.CreateTempSubdirectory("steward-label-bench-").FullName;
        var app = StewardServer.Build(new StewardServerOptions
        {
            Urls = "http://127.0.0.1:0", DataDirectory = directory, Origin = "bench.example/steward", Console = TextWriter.Null,
        }, [$"--BOOTSTRAP_KEY={Key}", "--Logging:LogLevel:Default=Warning", "--Monitors:MaxBatchBytes=1000000000", "--Monitors:SchedulerInterval=00:00:00"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var plain = await CreateAsync(http, "plain", idColumn: false, rows);
            var joined = await CreateAsync(http, "joined", idColumn: true, rows);
            var bodies = Enumerable.Range(0, batches).Select(b => Batch(b, rows)).ToList();
            var plainTime = await TimeAsync(bodies.Select(b => (Path: $"/api/v1/monitors/{plain}/batches", Body: b)));
            var joinedTime = await TimeAsync(bodies.Select(b => (Path: $"/api/v1/monitors/{joined}/batches", Body: b)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batches: {plainTime.Wall:F2} s without id_column, {joinedTime.Wall:F2} s with (x{joinedTime.Wall / plainTime.Wall:F2} wall, x{joinedTime.Cpu / plainTime.Cpu:F2} CPU)"));

            var half = batches / 2;
            var open = await TimeAsync(Enumerable.Range(0, half).Select(b => (Path: $"/api/v1/monitors/{joined}/labels", Body: Labels(b, rows))));
            Report("labels into the open window", (double)half * rows, open);
            (await http.PostAsync($"/api/v1/monitors/{joined}/runs", null)).EnsureSuccessStatusCode();
            var closed = await TimeAsync(Enumerable.Range(half, batches - half).Select(b => (Path: $"/api/v1/monitors/{joined}/labels", Body: Labels(b, rows))));
            Report("labels into the closed window (a report revision each post)", (double)(batches - half) * rows, closed);
            return 0;

            async Task<(double Wall, double Cpu)> TimeAsync(IEnumerable<(string Path, string Body)> posts)
            {
                var wall = Stopwatch.StartNew();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var (path, body) in posts)
                {
                    var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "text/csv"));
                    if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
                }
                return (wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static void Report(string what, double labels, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {labels / time.Wall:N0} labels/s wall, {labels / time.Cpu:N0} labels per CPU-second ({time.Wall:F2} s)"));

    private static async Task<string> CreateAsync(HttpClient http, string name, bool idColumn, int rows)
    {
        var definition = new JsonObject
        {
            ["name"] = name, ["endpoint"] = "bench", ["features"] = new JsonArray("f0", "f1", "f2", "f3"), ["prediction"] = "pred", ["label"] = "y",
            ["prediction_score"] = "score", ["sensitive"] = new JsonArray("group"),
        };
        if (idColumn) (definition["id_column"], definition["max_pending_labels"]) = ("txn", 10_000_000);
        var created = await http.PostAsync("/api/v1/monitors", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var reference = Batch(999, Math.Min(rows, 20_000)).Replace(",\n", ",1\n", StringComparison.Ordinal);
        reference = string.Join('\n', reference.Split('\n').Select(l => l.Length == 0 ? l : l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        (await http.PutAsync($"/api/v1/monitors/{id}/reference", new StringContent(reference, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        return id;
    }

    private static string Batch(int seed, int rows)
    {
        var random = new Random(seed);
        var text = new StringBuilder("txn,f0,f1,f2,f3,group,score,pred,y\n");
        for (var i = 0; i < rows; i++)
        {
            var score = random.NextDouble();
            text.Append(CultureInfo.InvariantCulture,
                $"b{seed}-{i},{random.NextDouble():F4},{random.NextDouble():F4},{random.Next(100)},{random.Next(10)},g{random.Next(4)},{score:F4},{(score > 0.5 ? 1 : 0)},\n");
        }
        return text.ToString();
    }

    private static string Labels(int seed, int rows)
    {
        var random = new Random(seed * 7 + 1);
        var text = new StringBuilder("txn,y\n");
        for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"b{seed}-{i},{random.Next(2)}\n");
        return text.ToString();
    }
}
