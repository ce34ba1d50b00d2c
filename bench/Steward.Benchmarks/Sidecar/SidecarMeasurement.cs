using System.Diagnostics;
using System.Globalization;
using Steward.Benchmarks.Load;

namespace Steward.Benchmarks.Sidecar;

/// <summary>
/// The measured part of <c>load-sidecar</c>: the paths (the upstream directly, through the sidecar, optionally through
/// a second sidecar such as an older build) take turns in blocks of 5 s at the full rate, the order reversed every
/// other block so that drift in the machine's state falls on all alike. When the serving processes are named
/// (<c>--pids upstream=PID,sidecar=PID,...</c>) each block's CPU time is charged to the process that served it, which
/// gives CPU per request from the same run, and their RSS is sampled after every block.
/// </summary>
internal sealed class SidecarMeasurement(int rate, int seconds, bool exactPacer, Func<Uri, Task<bool>> send)
{
    private const int Block = 5;

    /// <summary>One target of the load and the process (if known) that serves it.</summary>
    internal sealed record LoadPath(string Name, Uri Target, ProcessStat? Server);

    /// <summary>What one path measured over all its blocks.</summary>
    internal sealed class Totals
    {
        public List<double> Latencies { get; } = [];

        public List<double> LateStarts { get; } = [];

        public int Errors { get; set; }

        public double ServerCpu { get; set; }

        public double GeneratorCpu { get; set; }
    }

    public async Task<Dictionary<string, Totals>> RunAsync(IReadOnlyList<LoadPath> paths, IReadOnlyList<ProcessStat> watched, TextWriter log)
    {
        var totals = paths.ToDictionary(p => p.Name, _ => new Totals());
        var blocks = Math.Max(1, seconds / Block);
        var me = Process.GetCurrentProcess();
        for (var b = 0; b < blocks; b++)
        {
            var order = b % 2 == 0 ? paths : paths.Reverse().ToList();
            foreach (var path in order)
            {
                var serverBefore = path.Server?.CpuSeconds() ?? 0;
                me.Refresh();
                var generatorBefore = me.TotalProcessorTime.TotalSeconds;
                var result = await DriveAsync(path.Target, Math.Min(Block, seconds)).ConfigureAwait(false);
                me.Refresh();
                var t = totals[path.Name];
                t.GeneratorCpu += me.TotalProcessorTime.TotalSeconds - generatorBefore;
                t.ServerCpu += (path.Server?.CpuSeconds() ?? 0) - serverBefore;
                t.Latencies.AddRange(result.Latencies);
                t.LateStarts.AddRange(result.LateStarts);
                t.Errors += result.Errors;
            }

            if (watched.Count > 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  after {(b + 1) * Block,3} s per path: RSS {string.Join(", ", watched.Select(w => $"{w.Name} {w.RssMiB():F0} MiB"))}; load average {LoadAverage()}"));
            }
        }

        return totals;
    }

    /// <summary>One block of paced (or, with <c>--pacer timer</c>, the older Task.Delay-paced) open-loop load.</summary>
    public async Task<PacedLoad.Result> DriveAsync(Uri target, int blockSeconds)
    {
        if (exactPacer) return await PacedLoad.RunAsync(rate, blockSeconds, () => send(target)).ConfigureAwait(false);
        var (latencies, errors) = await OpenLoop.RunAsync(rate, blockSeconds, () => send(target)).ConfigureAwait(false);
        return new PacedLoad.Result(latencies, errors, []);
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
