using System.Diagnostics;
using System.Globalization;
using Steward.Drift;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// <c>drift-report-scale [--rows N] [--columns N] [--runs N]</c>: generates reference and current tables in memory and times the
/// full default report (Evidently's default tests, all columns, both cores), printing wall time, CPU time and peak working set.
/// Defaults: the 1,000,000 × 100.
/// </summary>
internal static class DriftReportScale
{
    public static int Run(string[] args)
    {
        var rows = 1_000_000;
        var columns = 100;
        var runs = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--columns": columns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        var (reference, current) = DriftData.Tables(rows, columns);
        GC.Collect();
        using (var self = Process.GetCurrentProcess())
        {
            // The generation's own peak, so that the runs' peak below can be told apart from it.
            Console.WriteLine($"{rows:N0} rows x {columns} columns (reference and current), {Environment.ProcessorCount} cores; " +
                $"after generating the input: working set {self.WorkingSet64 / 1048576} MB, peak {self.PeakWorkingSet64 / 1048576} MB");
        }
        for (var run = 1; run <= runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var report = DriftEngine.Run(reference, current);
            watch.Stop();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var tests = string.Join(", ", report.Columns.GroupBy(c => c.StatTestName).Select(g => $"{g.Key} x{g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {watch.Elapsed.TotalSeconds:0.000} s wall, {used.TotalSeconds:0.0} s CPU, {report.NumberOfDriftedColumns}/{report.NumberOfColumns} drifted ({tests}), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        }
        return 0;
    }
}
