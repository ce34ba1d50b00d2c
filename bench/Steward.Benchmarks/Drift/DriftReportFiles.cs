using System.Diagnostics;
using System.Globalization;
using System.Text;
using Steward.Drift;
using Steward.Drift.Io;
using Steward.Drift.Reports;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// <c>drift-report-files [--rows N] [--columns N] [--model none|stream|tables] [--dir D]</c>: what <c>steward drift report</c>
/// does on CSV files (reference and current, each rows × columns plus <c>y,pred,score,sex</c>): profile both files, run the
/// default report and, with <c>stream</c>, measure performance and fairness in the same pass (<see cref="StreamingModelQuality"/>);
/// <c>tables</c> is the previous path (a second read of both files as text tables, <see cref="ModelQuality.EvaluateFiles"/>).
/// Prints wall and CPU time and the process's peak working set; run each mode in its own process for a fair peak. The files are
/// written to <c>--dir</c> once and reused.
/// </summary>
internal static class DriftReportFiles
{
    public static int Run(string[] args)
    {
        var rows = 1_000_000;
        var columns = 100;
        var model = "stream";
        var directory = Path.Combine(Path.GetTempPath(), "drift-report-files");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--columns": columns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--model": model = args[++i]; break;
                case "--dir": directory = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        if (model is not ("none" or "stream" or "tables"))
        {
            Console.Error.WriteLine("--model is none, stream or tables");
            return 2;
        }
        Directory.CreateDirectory(directory);
        var reference = Path.Combine(directory, $"ref-{rows}x{columns}.csv");
        var current = Path.Combine(directory, $"cur-{rows}x{columns}.csv");
        if (!File.Exists(reference)) Write(reference, rows, columns, 0);
        if (!File.Exists(current)) Write(current, rows, columns, 1);
        var columnsOfModel = new ModelColumns { Target = "y", Prediction = "pred", PredictionScore = "score", Sensitive = ["sex"], Privileged = ["m"] };
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var quality = model == "stream" ? new StreamingModelQuality(columnsOfModel) : null;
        var (referenceProfile, currentProfile) = ProfileReader.ReadPair(reference, current, [], [], quality);
        var read = watch.Elapsed.TotalSeconds;
        var report = DriftEngine.Run(referenceProfile, currentProfile, new DriftOptions
        {
            Columns = referenceProfile.Columns.Select(c => c.Name).Except(model == "none" ? [] : columnsOfModel.OutcomeColumns).ToArray(),
        });
        if (quality is not null) report = quality.Evaluate(report);
        if (model == "tables") report = ModelQuality.EvaluateFiles(report, reference, current, columnsOfModel);
        watch.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        var auc = report.Performance?.Current.Classification?.RocAuc?.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} x {columns} (+4 model columns) CSV, model {model}: {watch.Elapsed.TotalSeconds:0.0} s wall (reading {read:0.0} s), {used.TotalSeconds:0.0} s CPU, peak working set {process.PeakWorkingSet64 / 1048576} MB, {report.NumberOfDriftedColumns}/{report.NumberOfColumns} drifted{(auc is { } a ? $", current roc_auc {a:0.0000}" : "")}"));
        return 0;
    }

    private static void Write(string path, int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var shift = seed * 0.2;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(string.Join(',', Enumerable.Range(0, columns).Select(c => $"f{c}").Concat(["y", "pred", "score", "sex"])));
        var line = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var c = 0; c < columns; c++)
            {
                var value = (c % 10) switch
                {
                    0 => Math.Floor(random.NextDouble() * 4),
                    1 => Math.Round(-Math.Log(1 - random.NextDouble()) * (1 + shift), 3),
                    _ => Math.Round(random.NextDouble() * 100 + (c % 3 == 0 ? shift * 30 : 0), 2),
                };
                line.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
            }
            var score = random.NextDouble();
            var y = random.NextDouble() < score ? 1 : 0;
            var pred = score > 0.5 + shift / 4 ? 1 : 0;
            line.Append(CultureInfo.InvariantCulture, $"{y},{pred},{Math.Round(score, 4)},{(random.Next(2) == 0 ? "f" : "m")}");
            writer.WriteLine(line);
        }
    }
}
