using System.Diagnostics;
using System.Globalization;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Benchmarks.Policy;

/// <summary>
/// <c>policy-eval-rate [--seconds N] [--policies DIR] [--core]</c>: evaluates the shipped output policy on one
/// thread in a tight loop and reports decisions per second and the latency distribution of single decisions.
/// <c>--core</c> loads <c>ai_policy/policy.rego</c> alone (no extensions), as the issue's target states it.
/// </summary>
internal static class EvalRate
{
    public static int Run(string[] args)
    {
        var seconds = 10;
        string? policiesDir = null;
        var core = false;
        string[] rulePath = ["ai_policy", "allow"];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--path":
                    rulePath = args[++i].Split('.');
                    break;
                case "--policies":
                    policiesDir = args[++i];
                    break;
                case "--core":
                    core = true;
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var dir = AiPolicyFixture.PoliciesDirectory(policiesDir);
        var (policy, data) = AiPolicyFixture.Load(dir);
        if (core)
        {
            policy = CompiledPolicy.Compile([new PolicySource("policy.rego", File.ReadAllText(Path.Combine(dir, "ai_policy", "policy.rego")))]);
        }

        var inputJson = AiPolicyFixture.InputJson();
        var input = ValueJson.Parse(inputJson);
        var path = rulePath;
        var options = new EvalOptions { Input = input, Data = data };
        var result = policy.EvaluateData(path, options);
        Console.WriteLine($"allow = {result}; deny = {policy.EvaluateData(["ai_policy", "deny"], options)}; input {System.Text.Encoding.UTF8.GetByteCount(inputJson)} bytes");

        // Warm up, then measure.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            policy.EvaluateData(path, options);
        }

        // Throughput first, without per-decision timing: the clock is read once per 1,024 decisions (a clock read
        // costs about 27 ns on this VM, over 3 % of a decision when taken twice per call).
        var throughputCpu = ThreadCpu.Nanoseconds();
        var throughputWatch = Stopwatch.StartNew();
        long decisions = 0;
        while (throughputWatch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            for (var i = 0; i < 1024; i++)
            {
                policy.EvaluateData(path, options);
            }

            decisions += 1024;
        }

        throughputWatch.Stop();
        throughputCpu = ThreadCpu.Nanoseconds() - throughputCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput (1 thread, input pre-parsed, no per-decision timing): {decisions / throughputWatch.Elapsed.TotalSeconds:F0} decisions/s wall; thread CPU {throughputCpu / 1000.0 / decisions:F2} us per decision (= {decisions * 1e9 / throughputCpu:F0} decisions/s per core)"));

        var latencies = new List<long>(1 << 24);
        var gcBefore = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Nanoseconds();
        var total = Stopwatch.StartNew();
        long n = 0;
        while (total.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var t0 = Stopwatch.GetTimestamp();
            policy.EvaluateData(path, options);
            latencies.Add(Stopwatch.GetTimestamp() - t0);
            n++;
        }

        total.Stop();
        var cpu = ThreadCpu.Nanoseconds() - cpuBefore;
        var gcs = GC.CollectionCount(0) - gcBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        latencies.Sort();
        double Us(double q) => latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency run (each decision timed): {n / total.Elapsed.TotalSeconds:F0} decisions/s; p50 {Us(0.50):F2} us; p99 {Us(0.99):F2} us; p99.9 {Us(0.999):F2} us; {allocated / n} B allocated per decision; {gcs} gen0 GCs, {pause.TotalMilliseconds / total.Elapsed.TotalMilliseconds:P1} of the time in GC pauses"));
        if (cpu > 0)
        {
            // The thread's own CPU time (timing calls included) does not count time spent waiting for a core, so it
            // stays meaningful on a machine shared with other work.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency run, thread CPU time per decision (two clock reads included): {cpu / 1000.0 / n:F2} us (= {n * 1e9 / cpu:F0} decisions/s per core)"));
        }

        // The same with the 1 KB input parsed from JSON for every decision, as a server does.
        var bytes = System.Text.Encoding.UTF8.GetBytes(inputJson);
        total.Restart();
        n = 0;
        while (total.Elapsed < TimeSpan.FromSeconds(Math.Max(2, seconds / 2)))
        {
            policy.EvaluateData(path, options with { Input = ValueJson.Parse(bytes) });
            n++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decisions/s (1 thread, JSON parsed per decision): {n / total.Elapsed.TotalSeconds:F0}"));
        return 0;
    }
}
