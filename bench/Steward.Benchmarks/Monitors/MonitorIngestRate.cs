using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Drift.Profiles;
using Steward.Server;
using Steward.Server.Monitors;

namespace Steward.Benchmarks.Monitors;

/// <summary>
/// <c>monitor-ingest-rate [--rows N] [--columns C] [--batches B] [--format csv|jsonl]</c>: a real server (Kestrel,
/// SQLite) with one monitor over C numeric columns; B batches of N rows posted one after another to
/// <c>/api/v1/monitors/{id}/batches</c>, each acknowledged only once folded into the stored window profile. Prints
/// values per second of wall time and per second of this process's CPU time (server and client share the process),
/// and, for comparison, the same bodies parsed into a profile in-process (the server's reader and sink, no HTTP,
/// no storage) on one thread.
/// </summary>
internal static class MonitorIngestRate
{
    private const string Key = "stw_benchmon_admin-key-for-benchmarks-only-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        int rows = 20_000, columns = 20, batches = 10;
        var format = "csv";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--columns": columns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batches": batches = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--format": format = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        var bodies = Enumerable.Range(0, batches).Select(b => Body(rows, columns, seed: b + 2, format)).ToList();
        var values = (double)rows * columns * batches;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{batches} batches x {rows} rows x {columns} numeric columns ({format}, {bodies.Sum(b => b.Length) / 1e6:F1} MB), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

        var inProcess = Stopwatch.StartNew();
        var schema = Enumerable.Range(0, columns).ToDictionary(c => $"f{c}", _ => "num");
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var body in bodies)
        {
            var sink = new ProfileSink(schema, new ProfileOptions { ExactLimit = 5_000 });
            if (format == "csv") CsvBatchReader.Read(Encoding.UTF8.GetString(body), sink);
            else JsonlBatchReader.Read(body, sink);
            sink.ToProfile();
        }
        var parseCpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process parse into profiles: {values / inProcess.Elapsed.TotalSeconds / 1e6:F2} M values/s wall, {values / parseCpu / 1e6:F2} M values/s per CPU-second"));

        var directory = Directory.CreateTempSubdirectory("steward-monitor-bench-").FullName;
        var app = StewardServer.Build(new StewardServerOptions
        {
            Urls = "http://127.0.0.1:0", DataDirectory = directory, Origin = "bench.example/steward", Console = TextWriter.Null,
        }, [$"--BOOTSTRAP_KEY={Key}", "--Logging:LogLevel:Default=Warning", "--Monitors:MaxBatchBytes=1000000000", "--Monitors:SchedulerInterval=00:00:00"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var monitor = await (await http.PostAsJsonAsync("/api/v1/monitors", new { name = "bench", endpoint = "bench" })).Content.ReadFromJsonAsync<JsonObject>();
            var id = monitor!["id"]!.GetValue<string>();
            (await http.PutAsync($"/api/v1/monitors/{id}/reference", Content(Body(rows, columns, 1, "csv"), "csv"))).EnsureSuccessStatusCode();
            (await http.PostAsync($"/api/v1/monitors/{id}/batches", Content(bodies[0], format))).EnsureSuccessStatusCode(); // warm-up
            var wall = Stopwatch.StartNew();
            before = Process.GetCurrentProcess().TotalProcessorTime;
            var latencies = new List<double>();
            foreach (var body in bodies)
            {
                var one = Stopwatch.StartNew();
                (await http.PostAsync($"/api/v1/monitors/{id}/batches", Content(body, format))).EnsureSuccessStatusCode();
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
            var seconds = wall.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP ingest: {values / seconds / 1e6:F2} M values/s wall, {values / cpuSeconds / 1e6:F2} M values/s per CPU-second; batch latency p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms"));
            var window = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}"))!["current_window"]!;
            Console.WriteLine($"window: {window["rows"]} rows in {window["batches"]} batches; database file {new FileInfo(Path.Combine(directory, "steward.db")).Length / 1e6:F1} MB (the exact reference profile included)");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    private static ByteArrayContent Content(byte[] body, string format)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/x-ndjson");
        return content;
    }

    private static byte[] Body(int rows, int columns, int seed, string format)
    {
        var random = new Random(seed);
        var text = new StringBuilder(rows * columns * 8);
        if (format == "csv") text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => $"f{c}")).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            if (format != "csv") text.Append('{');
            for (var c = 0; c < columns; c++)
            {
                if (c > 0) text.Append(',');
                if (format != "csv") text.Append("\"f").Append(c).Append("\":");
                text.Append((random.NextDouble() * 100 + c).ToString("F3", CultureInfo.InvariantCulture));
            }
            text.Append(format == "csv" ? "\n" : "}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
