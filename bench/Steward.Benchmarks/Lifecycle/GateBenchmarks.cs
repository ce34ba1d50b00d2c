using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Steward.Benchmarks.Load;

namespace Steward.Benchmarks.Lifecycle;

/// <summary>A gate decision (facts read from SQLite in a snapshot transaction, then the Rego gate policy) over one system's events.</summary>
[MemoryDiagnoser]
public class GateBenchmarks
{
    private GateFixture _fixture = null!;

    [Params(0, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() => _fixture = GateFixture.CreateAsync(Events).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<Steward.Governance.Lifecycle.GateResult> DeploymentGate() =>
        _fixture.Gates.EvaluateAsync(_fixture.SystemId, "deployment", GateFixture.Asker);
}

/// <summary><c>gate-latency [--events N] [--seconds S]</c>: single gate decisions in a loop, with their latency distribution.</summary>
internal static class GateLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = 1000;
        var seconds = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events": events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        await using var fixture = await GateFixture.CreateAsync(events);
        var first = await fixture.Gates.EvaluateAsync(fixture.SystemId, "deployment", GateFixture.Asker);
        Console.WriteLine($"{events} events; deployment gate: allowed={first.Allowed}, unmet={string.Join(",", first.Unmet.Select(u => u.Rule))}");
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2)) await fixture.Gates.EvaluateAsync(fixture.SystemId, "deployment", GateFixture.Asker);

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var t = Stopwatch.GetTimestamp();
            await fixture.Gates.EvaluateAsync(fixture.SystemId, "deployment", GateFixture.Asker);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var (p50, p90, p99, p999, max) = OpenLoop.Percentiles([.. latencies]);
        // The facts alone (the SQL reads and their JSON), to tell them apart from the policy's share.
        var facts = new List<double>();
        await using (var connection = await fixture.Database.OpenAsync())
        {
            for (var i = 0; i < Math.Min(latencies.Count, 2000); i++)
            {
                var t = Stopwatch.GetTimestamp();
                await Steward.Governance.Lifecycle.DecisionGateFacts.CollectAsync(connection, null, fixture.SystemId, CancellationToken.None);
                facts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decision facts read and built without the cache: p50 {OpenLoop.Percentiles([.. facts]).P50:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Count} decisions in {total.Elapsed.TotalSeconds:F1} s: p50 {p50:F2} ms, p90 {p90:F2} ms, p99 {p99:F2} ms, p99.9 {p999:F2} ms, max {max:F2} ms"));
        return 0;
    }
}
