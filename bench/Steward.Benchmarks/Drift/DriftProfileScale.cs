using System.Diagnostics;
using System.Globalization;
using System.Text;
using Steward.Drift;
using Steward.Drift.Io;
using Steward.Drift.Profiles;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// <c>drift-profile-scale [--rows N] [--columns N] [--ingest-rows N]</c>: (1) streaming ingest of CSV and JSON Lines files into a
/// profile (parsing included, one thread) and of values straight into a <see cref="ProfileBuilder"/>, in values per second of
/// CPU time; (2) the cost of merging two sketch profiles; (3) a default report from two sketch profiles of rows × columns.
/// </summary>
internal static class DriftProfileScale
{
    public static int Run(string[] args)
    {
        var rows = 1_000_000;
        var columns = 100;
        var ingestRows = 200_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--columns": columns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ingest-rows": ingestRows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        Ingest(ingestRows);
        Sketches(rows, columns);
        return 0;
    }

    private static void Ingest(int rows)
    {
        const int numeric = 18, labels = 2;
        var directory = Directory.CreateTempSubdirectory("drift-ingest-");
        try
        {
            var csv = Path.Combine(directory.FullName, "data.csv");
            var jsonl = Path.Combine(directory.FullName, "data.jsonl");
            WriteFiles(csv, jsonl, rows, numeric, labels);
            var values = (double)rows * (numeric + labels);
            ProfileReader.Read(jsonl, null, [], []); // warm-up (JIT)
            ProfileReader.Read(csv, null, [], []);
            foreach (var (path, mode) in new[] { (csv, ProfileMode.Sketch), (csv, ProfileMode.Auto), (jsonl, ProfileMode.Sketch) })
            {
                var (wall, cpu) = Time(() => ProfileReader.Read(path, new ProfileOptions { Mode = mode }, [], []));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingest {Path.GetExtension(path)} ({mode}), {rows:N0} rows x {numeric + labels} columns: {values / cpu / 1e6:0.00} M values/s of CPU, {values / wall / 1e6:0.00} M values/s wall"));
            }
            var builderValues = 20_000_000;
            var (bw, bc) = Time(() =>
            {
                var builder = new ProfileBuilder(new ProfileOptions { Mode = ProfileMode.Sketch });
                var column = builder.AddColumn("x", ProfileColumnKind.Numbers);
                var random = new Random(1);
                for (var i = 0; i < builderValues; i++) builder.AddNumber(column, random.NextDouble());
                return builder.ToProfile();
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"builder AddNumber (sketch k={ProfileOptions.DefaultSketchK}, random values, no parsing): {builderValues / bc / 1e6:0.0} M values/s of CPU, {builderValues / bw / 1e6:0.0} M values/s wall"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Sketches(int rows, int columns)
    {
        var (referenceTable, currentTable) = DriftData.Tables(rows, columns);
        var options = new ProfileOptions { Mode = ProfileMode.Sketch };
        var (pw, pc) = Time(() => DriftProfile.FromTable(referenceTable, options));
        var reference = DriftProfile.FromTable(referenceTable, options);
        var current = DriftProfile.FromTable(currentTable, options);
        referenceTable = currentTable = null;
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"profile {rows:N0} x {columns} in memory (sketch): {pw:0.00} s wall, {pc:0.00} s CPU ({(double)rows * columns / pc / 1e6:0.0} M values/s of CPU)"));
        using (var stream = new MemoryStream())
        {
            reference.WriteTo(stream);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sketch profile file: {stream.Length / 1024.0:N0} KiB for {columns} columns"));
        }
        var (mw, mc) = Time(() => reference.Merge(current));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merge two sketch profiles of {columns} columns: {mw * 1000:0.0} ms wall, {mc * 1000:0.0} ms CPU"));
        for (var run = 1; run <= 3; run++)
        {
            DriftReport? report = null;
            var (rw, rc) = Time(() => report = DriftEngine.Run(reference, current));
            var tests = string.Join(", ", report!.Columns.GroupBy(c => c.StatTestName).Select(g => $"{g.Key} x{g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"report from two sketch profiles ({rows:N0} x {columns}) run {run}: {rw * 1000:0} ms wall, {rc * 1000:0} ms CPU, {report.NumberOfDriftedColumns}/{report.NumberOfColumns} drifted ({tests})"));
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }

    private static void WriteFiles(string csv, string jsonl, int rows, int numeric, int labels)
    {
        var random = new Random(7);
        string[] cities = ["Lyon", "Paris", "Nantes", "Lille", "Nice"];
        using var c = new StreamWriter(csv, false, new UTF8Encoding(false));
        using var j = new StreamWriter(jsonl, false, new UTF8Encoding(false));
        c.WriteLine(string.Join(',', Enumerable.Range(0, numeric).Select(i => $"n{i}").Concat(Enumerable.Range(0, labels).Select(i => $"l{i}"))));
        var line = new StringBuilder();
        var json = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            json.Clear().Append('{');
            for (var i = 0; i < numeric; i++)
            {
                var value = (random.NextDouble() * 1000).ToString("0.####", CultureInfo.InvariantCulture);
                line.Append(value).Append(',');
                json.Append(CultureInfo.InvariantCulture, $"\"n{i}\":{value},");
            }
            for (var i = 0; i < labels; i++)
            {
                var city = cities[random.Next(cities.Length)];
                line.Append(city).Append(i == labels - 1 ? "" : ",");
                json.Append(CultureInfo.InvariantCulture, $"\"l{i}\":\"{city}\"").Append(i == labels - 1 ? "}" : ",");
            }
            c.WriteLine(line);
            j.WriteLine(json);
        }
    }

    private static (double Wall, double Cpu) Time<T>(Func<T> action)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(action());
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
