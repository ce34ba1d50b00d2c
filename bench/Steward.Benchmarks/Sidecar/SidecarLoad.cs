using Steward.Benchmarks.Load;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Steward.Sidecar;

namespace Steward.Benchmarks.Sidecar;

/// <summary>
/// Open-loop load through the output-validation sidecar and, in the same run, straight at its upstream: a Kestrel
/// model endpoint answering a fixed prediction, the sidecar deciding the shipped <c>ai_policy</c> (embedded engine)
/// on every response. Starts are paced by <see cref="PacedLoad"/> (clock_nanosleep; <c>--pacer timer</c> for the older
/// Task.Delay pacing) and latency is measured from each request's scheduled start (no coordinated omission); the
/// report gives p50/p99 of every path, their difference, errors, and with <c>--pids</c> the CPU per request and RSS
/// of the serving processes (see <see cref="SidecarMeasurement"/>). Target: the sidecar adds at most 1 ms at p99 at
/// 2,000 requests/s. Then, one request at a time (alternating paths, <c>--sequential N</c>, default 5,000 each), the
/// sidecar's own added latency without any queue.
/// <c>dotnet run -c Release --project bench/Steward.Benchmarks -- load-sidecar [--rate 2000] [--seconds 60] [--warmup 10] [--sequential 5000] [--bundle policies]</c>
/// Split mode: <c>--role upstream|sidecar --listen URL [--upstream URL]</c> serves one part;
/// <c>--direct URL --through URL [--through-base URL] [--pids upstream=PID,sidecar=PID,baseline=PID]</c> only drives
/// load at them (see <c>load-sidecar-split.sh</c>, which pins them with taskset).
/// </summary>
internal static class SidecarLoad
{
    private static readonly byte[] Prediction = Encoding.UTF8.GetBytes(
        "{\"label\":\"approve\",\"confidence\":0.93,\"text\":\"The application meets the criteria for approval; income and history are consistent.\",\"model_version\":\"credit-v3.2\"}");

    private static readonly byte[] RequestBody = Encoding.UTF8.GetBytes(
        "{\"model\":\"credit-v3\",\"applicant\":{\"id\":\"a-1042\",\"income\":52000,\"history_months\":84,\"region\":\"EU\"}}");

    public static async Task<int> RunAsync(string[] args)
    {
        // As `steward sidecar` does, before any thread-pool work: idle workers do not spin (all three roles).
        SidecarRuntime.Apply(inlineIo: SidecarRuntime.InlineIoRequested(args));
        var rate = Option(args, "--rate", 2000);
        var seconds = Option(args, "--seconds", 60);
        string Bundle() => OptionText(args, "--bundle") ?? Steward.Benchmarks.Policy.AiPolicyFixture.PoliciesDirectory();
        var listen = OptionText(args, "--listen") ?? "http://127.0.0.1:0";

        // Split mode (load-sidecar-split.sh): the upstream, the sidecar and the load generator each in a process of
        // their own, so that taskset can put the load generator on other cores than what it measures.
        switch (OptionText(args, "--role"))
        {
            case "upstream":
            {
                await using var served = await StartUpstreamAsync(listen);
                Console.WriteLine("upstream listening on " + served.Urls.First());
                await served.WaitForShutdownAsync(); // until SIGTERM or Ctrl+C
                return 0;
            }

            case "sidecar":
            {
                var served = await StartSidecarAsync(listen, new Uri(OptionText(args, "--upstream") ?? throw new ArgumentException("--upstream URL is required")), Bundle(), SidecarRuntime.InlineIoRequested(args));
                await using var _ = served;
                Console.WriteLine("sidecar listening on " + served.Urls.First());
                await served.WaitForShutdownAsync();
                return 0;
            }
        }

        WebApplication? upstream = null, sidecar = null;
        Uri upstreamUri, sidecarUri;
        var external = OptionText(args, "--direct") is not null && OptionText(args, "--through") is not null;
        if (external)
        {
            upstreamUri = new Uri(OptionText(args, "--direct")!);
            sidecarUri = new Uri(OptionText(args, "--through")!);
        }
        else
        {
            upstream = await StartUpstreamAsync("http://127.0.0.1:0");
            upstreamUri = new Uri(upstream.Urls.First());
            sidecar = await StartSidecarAsync("http://127.0.0.1:0", upstreamUri, Bundle());
            sidecarUri = new Uri(sidecar.Urls.First());
        }

        try
        {
            return await MeasureAsync(args, rate, seconds, external ? "separate processes" : $"embedded, bundle {Bundle()}", upstreamUri, sidecarUri);
        }
        finally
        {
            if (sidecar is not null) await sidecar.DisposeAsync();
            if (upstream is not null) await upstream.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartSidecarAsync(string listen, Uri upstream, string bundle, bool inlineIo = true)
    {
        var sidecar = SidecarHost.Build(new SidecarOptions
        {
            Listen = new Uri(listen),
            Upstream = upstream,
            Bundle = bundle,
            InlineIo = inlineIo,
            Output = new OutputPolicyOptions { Source = "sidecar", Endpoint = "load" },
        }, logging => logging.SetMinimumLevel(LogLevel.Error));
        await sidecar.StartAsync();
        return sidecar;
    }

    private static async Task<int> MeasureAsync(string[] args, int rate, int seconds, string setup, Uri upstreamUri, Uri sidecarUri)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseProxy = false };
        using var http = new HttpClient(handler, disposeHandler: false);
        var processes = ProcessStat.ParseList(OptionText(args, "--pids"));
        ProcessStat? Process(string name) => processes.FirstOrDefault(p => p.Name == name);
        List<SidecarMeasurement.LoadPath> paths =
        [
            new("direct", upstreamUri, Process("upstream")),
            new("sidecar", sidecarUri, Process("sidecar")),
        ];
        if (OptionText(args, "--through-base") is { } baseline) paths.Add(new("baseline", new Uri(baseline), Process("baseline")));

        // Sanity: the policy allows the prediction, so every path must answer 200 with the same bytes.
        foreach (var path in paths.Skip(1))
        {
            using var check = await Send(http, path.Target);
            var body = await check.Content.ReadAsByteArrayAsync();
            if (check.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(Prediction))
            {
                Console.Error.WriteLine($"{path.Name} did not pass the prediction through: {(int)check.StatusCode} {Encoding.UTF8.GetString(body)}");
                return 1;
            }
        }

        var exact = OptionText(args, "--pacer") != "timer";
        var measurement = new SidecarMeasurement(rate, seconds, exact, target => Drive(http, target));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load-sidecar: {rate} requests/s for {seconds} s per path, policy data.ai_policy ({setup}), pacer {(exact ? "clock_nanosleep" : "Task.Delay")}, {Environment.ProcessorCount} cores, load average {SidecarMeasurement.LoadAverage()}"));

        // Warm-up at the target rate on each path, not measured (JIT tiering, connection pools, heap growth).
        var warmup = Option(args, "--warmup", 10);
        foreach (var path in paths) await measurement.DriveAsync(path.Target, warmup);
        GC.Collect();
        var startPause = GC.GetTotalPauseDuration();
        var startSet = Environment.WorkingSet;
        var watched = paths.Skip(1).Select(p => p.Server).OfType<ProcessStat>().ToList();
        if (watched.Count > 0)
            Console.WriteLine($"  after warm-up ({warmup} s per path): RSS {string.Join(", ", watched.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} {w.RssMiB():F0} MiB")))}");

        var totals = await measurement.RunAsync(paths, watched, Console.Out);
        var upstream = Process("upstream");
        var direct = Percentiles([.. totals["direct"].Latencies]);
        foreach (var path in paths)
        {
            var t = totals[path.Name];
            var p = Percentiles([.. t.Latencies]);
            var late = t.LateStarts.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; start late p50 {Percentiles([.. t.LateStarts]).P50:F3} p99 {Percentiles([.. t.LateStarts]).P99:F3} ms");
            var cpu = path.Server is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; {path.Server.Name} CPU {t.ServerCpu * 1e6 / t.Latencies.Count:F0} us/request");
            var gen = string.Create(CultureInfo.InvariantCulture, $"; generator CPU {t.GeneratorCpu * 1e6 / t.Latencies.Count:F0} us/request");
            Console.WriteLine(Line(path.Name, t.Latencies.Count, t.Errors, p) + late + cpu + gen);
            if (path.Name == "direct") continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path.Name} - direct: p50 {p.P50 - direct.P50:+0.00;-0.00} ms, p99 {p.P99 - direct.P99:+0.00;-0.00} ms (ratio p99 {p.P99 / direct.P99:F2}x); target p99 difference <= 1.00 ms: {(p.P99 - direct.P99 <= 1 ? "met" : "NOT met")}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average at the end {SidecarMeasurement.LoadAverage()}; generator working set {startSet / 1048576.0:F0} -> {Environment.WorkingSet / 1048576.0:F0} MiB, GC paused {(GC.GetTotalPauseDuration() - startPause).TotalMilliseconds:F0} ms"));

        // Added latency without queueing: one request at a time, alternating the paths, so that CPU contention from
        // outside the run falls on both alike and no queue forms. This is the sidecar's own cost per request.
        var sequential = Option(args, "--sequential", 5000);
        if (sequential > 0)
        {
            var (sd, ss) = await Sequential(http, upstreamUri, sidecarUri, sequential);
            var a = Percentiles(sd);
            var b = Percentiles(ss);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one at a time ({sequential} each, alternating): direct p50 {a.P50:F3} p99 {a.P99:F3} ms; sidecar p50 {b.P50:F3} p99 {b.P99:F3} ms; added p50 {b.P50 - a.P50:+0.000;-0.000} ms, p99 {b.P99 - a.P99:+0.000;-0.000} ms"));
        }

        return totals.Values.Sum(t => t.Errors) == 0 ? 0 : 1;
    }

    private static async Task<(double[] Direct, double[] Sidecar)> Sequential(HttpClient http, Uri direct, Uri sidecar, int count)
    {
        var d = new double[count];
        var s = new double[count];
        for (var i = 0; i < count; i++)
        {
            foreach (var toSidecar in i % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Send(http, toSidecar ? sidecar : direct);
                await response.Content.LoadIntoBufferAsync();
                (toSidecar ? s : d)[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return (d, s);
    }

    private static string Line(string name, int count, int errors, (double P50, double P90, double P99, double P999, double Max) p) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count} requests, errors {errors}; latency ms p50 {p.P50:F2} p90 {p.P90:F2} p99 {p.P99:F2} p99.9 {p.P999:F2} max {p.Max:F2}");

    private static (double P50, double P90, double P99, double P999, double Max) Percentiles(double[] latencies) => OpenLoop.Percentiles(latencies);

    private static async Task<bool> Drive(HttpClient http, Uri target)
    {
        using var response = await Send(http, target);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, Uri target)
    {
        var content = new ByteArrayContent(RequestBody);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return http.PostAsync(new Uri(target, "/v1/predict"), content);
    }

    private static async Task<WebApplication> StartUpstreamAsync(string listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Prediction.Length;
            await context.Response.Body.WriteAsync(Prediction);
        });
        await app.StartAsync();
        return app;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
