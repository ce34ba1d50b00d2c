using System.Diagnostics;
using System.Globalization;
using Steward.Pii.Scanning;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-scan-run --size-mb N [--recognizers pipeline|shape|default] [--file PATH] [--memo off]</c>: writes the generated CSV (unless it
/// exists), scans it once and prints MB/s and the process's peak working set; run under <c>/usr/bin/time -v</c> for
/// the maximum resident set size. <c>--memo off</c> analyses every cell (no per-worker memo of repeated values).
/// </summary>
public static class ScanRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = 1024L;
        var kind = "shape";
        string? file = null;
        var batchKb = 0;
        var workers = 0;
        var memo = true;
        var allocTypes = args.Contains("--alloc-types");
        args = [.. args.Where(a => a != "--alloc-types")];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--size-mb": size = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--recognizers": kind = args[i + 1]; break;
                case "--file": file = args[i + 1]; break;
                case "--batch-kb": batchKb = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--memo": memo = args[i + 1] != "off"; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 1;
            }
        }
        file ??= Path.Combine(Path.GetTempPath(), $"steward-bench-scan-{size}mb.csv");
        if (!File.Exists(file))
        {
            Console.WriteLine($"writing {file} ({size} MB)");
            ScanBenchData.Write(file, size << 20);
        }
        var engine = BenchRecognizers.Engine(kind);
        engine.Analyze("warm up: Maria Lopez, 415-555-0132"); // loads the gazetteers before the clock starts
        using var sampler = allocTypes ? new AllocationSampler() : null;
        sampler?.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var report = await new DatasetScanner(engine).ScanFileAsync(file, new ScanOptions { BatchBytes = batchKb > 0 ? batchKb * 1024 : new ScanOptions().BatchBytes, Workers = workers, MemoizeCells = memo });
        watch.Stop();
        sampler?.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var mb = report.Bytes / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Bytes} bytes, {report.Rows} rows, {report.RowsAffected} with findings, {watch.Elapsed.TotalSeconds:0.00} s, {mb / watch.Elapsed.TotalSeconds:0.0} MB/s wall, CPU {cpuSeconds:0.0} s ({mb / cpuSeconds:0.0} MB per CPU-second, {report.CellsScanned} cells), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB ({Environment.ProcessorCount} cores, {kind})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB allocated, server GC {System.Runtime.GCSettings.IsServerGC}"));
        Console.WriteLine(string.Join(", ", report.EntityCounts.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}")));
        if (sampler is not null)
        {
            Console.WriteLine("AllocationTick samples (about 100 KB each) by type:");
            foreach (var (type, ticks) in sampler.Top(12)) Console.WriteLine($"  {ticks,6}  {type}{(type.StartsWith('<') ? AllocationSampler.Declarers(type) : "")}");
        }

        return 0;
    }
}
