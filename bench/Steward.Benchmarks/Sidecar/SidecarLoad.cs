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
/// on every response. Latency is measured from each request's scheduled start (no coordinated omission); the
/// report gives p50/p99 of both, their difference, errors and the process working set before and after.
/// Target: the sidecar adds at most 1 ms at p99 at 2,000 requests/s. Then, one request at a time (alternating paths,
/// <c>--sequential N</c>, default 5,000 each), the sidecar's own added latency without any queue.
/// <c>dotnet run -c Release --project bench/Steward.Benchmarks -- load-sidecar [--rate 2000] [--seconds 60] [--sequential 5000] [--bundle policies]</c>
/// Split mode: <c>--role upstream|sidecar --listen URL [--upstream URL]</c> serves one part;
/// <c>--direct URL --through URL</c> only drives load at them (see <c>load-sidecar-split.sh</c>, which pins them with taskset).
/// </summary>
internal static class SidecarLoad
{
    private static readonly byte[] Prediction = Encoding.UTF8.GetBytes(
        "{\"label\":\"approve\",\"confidence\":0.93,\"text\":\"The application meets the criteria for approval; income and history are consistent.\",\"model_version\":\"credit-v3.2\"}");

    private static readonly byte[] RequestBody = Encoding.UTF8.GetBytes(
        "{\"model\":\"credit-v3\",\"applicant\":{\"id\":\"a-1042\",\"income\":52000,\"history_months\":84,\"region\":\"EU\"}}");

    private const int Block = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ThreadPool.SetMinThreads(64, 64);
        var rate = Option(args, "--rate", 2000);
        var seconds = Option(args, "--seconds", 60);
        var bundle = OptionText(args, "--bundle") ?? Steward.Benchmarks.Policy.AiPolicyFixture.PoliciesDirectory();
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
                var served = await StartSidecarAsync(listen, new Uri(OptionText(args, "--upstream") ?? throw new ArgumentException("--upstream URL is required")), bundle);
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
            sidecar = await StartSidecarAsync("http://127.0.0.1:0", upstreamUri, bundle);
            sidecarUri = new Uri(sidecar.Urls.First());
        }

        try
        {
            return await MeasureAsync(args, rate, seconds, external ? "separate processes" : $"embedded, bundle {bundle}", upstreamUri, sidecarUri);
        }
        finally
        {
            if (sidecar is not null) await sidecar.DisposeAsync();
            if (upstream is not null) await upstream.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartSidecarAsync(string listen, Uri upstream, string bundle)
    {
        var sidecar = SidecarHost.Build(new SidecarOptions
        {
            Listen = new Uri(listen),
            Upstream = upstream,
            Bundle = bundle,
            Output = new OutputPolicyOptions { Source = "sidecar", Endpoint = "load" },
        }, logging => logging.SetMinimumLevel(LogLevel.Error));
        await sidecar.StartAsync();
        return sidecar;
    }

    private static async Task<int> MeasureAsync(string[] args, int rate, int seconds, string setup, Uri upstreamUri, Uri sidecarUri)
    {

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseProxy = false };
        using var http = new HttpClient(handler, disposeHandler: false);

        // Sanity: the policy allows the prediction, so both paths must answer 200 with the same bytes.
        using (var check = await Send(http, sidecarUri))
        {
            var body = await check.Content.ReadAsByteArrayAsync();
            if (check.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(Prediction))
            {
                Console.Error.WriteLine($"the sidecar did not pass the prediction through: {(int)check.StatusCode} {Encoding.UTF8.GetString(body)}");
                return 1;
            }
        }

        // Warm-up: 3 s at the target rate on each path, not measured.
        await Drive(http, upstreamUri, rate, 3);
        await Drive(http, sidecarUri, rate, 3);
        GC.Collect();
        var startSet = Environment.WorkingSet;
        var startPause = GC.GetTotalPauseDuration();
        int[] startGcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        // The two paths take turns in blocks of 5 s (ABBA order), so that drift in the machine's state (JIT tiering, GC
        // heap growth, other load) falls on both alike; each path gets the full rate while it runs.
        List<double> directLatencies = [], sidecarLatencies = [];
        int directErrors = 0, sidecarErrors = 0;
        double directCpu = 0, sidecarCpu = 0;
        var blocks = Math.Max(1, seconds / Block);
        for (var b = 0; b < blocks; b++)
        {
            var directFirst = b % 2 == 0;
            foreach (var isDirect in directFirst ? new[] { true, false } : [false, true])
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var (latencies, errors) = await Drive(http, isDirect ? upstreamUri : sidecarUri, rate, Math.Min(Block, seconds));
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds / Environment.ProcessorCount;
                if (isDirect) directCpu += cpu / blocks;
                else sidecarCpu += cpu / blocks;
                (isDirect ? directLatencies : sidecarLatencies).AddRange(latencies);
                if (isDirect) directErrors += errors;
                else sidecarErrors += errors;
            }
        }

        var endSet = Environment.WorkingSet;
        var pause = GC.GetTotalPauseDuration() - startPause;
        int[] gcs = [GC.CollectionCount(0) - startGcs[0], GC.CollectionCount(1) - startGcs[1], GC.CollectionCount(2) - startGcs[2]];
        var direct = (Latencies: directLatencies.ToArray(), Errors: directErrors);
        var proxied = (Latencies: sidecarLatencies.ToArray(), Errors: sidecarErrors);

        var d = Percentiles(direct.Latencies);
        var s = Percentiles(proxied.Latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load-sidecar: {rate} requests/s for {seconds} s per path, policy data.ai_policy ({setup}), {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(Line("direct ", direct.Latencies.Length, direct.Errors, d) + string.Create(CultureInfo.InvariantCulture, $"; CPU {directCpu:P0} of the machine"));
        Console.WriteLine(Line("sidecar", proxied.Latencies.Length, proxied.Errors, s) + string.Create(CultureInfo.InvariantCulture, $"; CPU {sidecarCpu:P0} of the machine"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sidecar - direct: p50 {s.P50 - d.P50:+0.00;-0.00} ms, p99 {s.P99 - d.P99:+0.00;-0.00} ms (ratio p99 {s.P99 / d.P99:F2}x); target p99 difference <= 1.00 ms: {(s.P99 - d.P99 <= 1 ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"working set: start {startSet / 1048576.0:F0} MiB, end {endSet / 1048576.0:F0} MiB (this process: the load generator{(setup == "separate processes" ? " only" : ", upstream and sidecar")}); GC gen0/1/2 {gcs[0]}/{gcs[1]}/{gcs[2]}, paused {pause.TotalMilliseconds:F0} ms"));

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

        return direct.Errors + proxied.Errors == 0 ? 0 : 1;
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

    private static Task<(double[] Latencies, int Errors)> Drive(HttpClient http, Uri target, int rate, int seconds) =>
        OpenLoop.RunAsync(rate, seconds, async () =>
        {
            using var response = await Send(http, target);
            await response.Content.LoadIntoBufferAsync();
            return response.StatusCode == HttpStatusCode.OK;
        });

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
