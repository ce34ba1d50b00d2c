using System.Diagnostics;
using System.Globalization;
using System.Text;
using Steward.Drift.Io;
using Steward.Drift.Profiles;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// <c>drift-csv-ingest [--rows N] [--runs N]</c>: CSV into a profile (18 numeric and 2 label columns, sketch mode, one thread)
/// with the char-by-char reader (<see cref="CsvRecords"/>, strings per cell) and with the span reader (<see cref="CsvReader"/>,
/// no string per numeric cell), alternating in the same process, in values per second of CPU; then the whole
/// <see cref="ProfileReader"/> path.
/// </summary>
internal static class CsvIngestRate
{
    private const int Numeric = 18;
    private const int Labels = 2;

    public static int Run(string[] args)
    {
        var rows = 200_000;
        var runs = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        var path = Path.Combine(Path.GetTempPath(), $"drift-csv-ingest-{Environment.ProcessId}.csv");
        try
        {
            Write(path, rows);
            var values = (double)rows * (Numeric + Labels);
            Old(path);
            New(path);
            for (var run = 1; run <= runs; run++)
            {
                var old = Cpu(() => Old(path));
                var span = Cpu(() => New(path));
                var reader = Cpu(() => ProfileReader.Read(path, new ProfileOptions { Mode = ProfileMode.Sketch }, [], []).RowCount);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}, {rows:N0} rows x {Numeric + Labels}: char-by-char {values / old / 1e6:0.00} M values/CPU-s, span {values / span / 1e6:0.00} M values/CPU-s ({old / span:0.00}x), ProfileReader.Read {values / reader / 1e6:0.00} M values/CPU-s"));
            }
        }
        finally
        {
            File.Delete(path);
        }
        return 0;
    }

    private static long Old(string path)
    {
        var builder = Builder();
        using var text = new StreamReader(path);
        var header = true;
        foreach (var (_, fields) in CsvRecords.Read(text, path))
        {
            if (header)
            {
                header = false;
                continue;
            }
            for (var i = 0; i < Numeric; i++)
                if (fields[i] is { } f && TableReader.TryNumber(f, out var v)) builder.AddNumber(i, v); else builder.AddMissing(i);
            for (var i = Numeric; i < Numeric + Labels; i++) builder.AddLabel(i, fields[i]);
            builder.EndRow();
        }
        return builder.RowCount;
    }

    private static long New(string path)
    {
        var builder = Builder();
        using var text = new StreamReader(path);
        var csv = new CsvReader(text, path);
        csv.Read();
        while (csv.Read())
        {
            for (var i = 0; i < Numeric; i++)
                if (!csv.IsMissing(i) && TableReader.TryNumber(csv.Field(i), out var v)) builder.AddNumber(i, v); else builder.AddMissing(i);
            for (var i = Numeric; i < Numeric + Labels; i++) builder.AddLabel(i, csv.Field(i));
            builder.EndRow();
        }
        return builder.RowCount;
    }

    private static ProfileBuilder Builder()
    {
        var builder = new ProfileBuilder(new ProfileOptions { Mode = ProfileMode.Sketch });
        for (var i = 0; i < Numeric; i++) builder.AddColumn($"n{i}", ProfileColumnKind.Numbers);
        for (var i = 0; i < Labels; i++) builder.AddColumn($"l{i}", ProfileColumnKind.Labels);
        return builder;
    }

    private static void Write(string path, int rows)
    {
        var random = new Random(7);
        string[] cities = ["Lyon", "Paris", "\"Saint-Denis, 93\"", "Lille", "Nice"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', Enumerable.Range(0, Numeric).Select(i => $"n{i}").Concat(Enumerable.Range(0, Labels).Select(i => $"l{i}"))));
        var line = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var i = 0; i < Numeric; i++) line.Append((random.NextDouble() * 1000).ToString("0.####", CultureInfo.InvariantCulture)).Append(',');
            line.Append(cities[random.Next(cities.Length)]).Append(',').Append(cities[random.Next(cities.Length)]);
            writer.WriteLine(line);
        }
    }

    private static double Cpu(Func<long> action)
    {
        GC.Collect();
        var thread = Process.GetCurrentProcess().TotalProcessorTime;
        GC.KeepAlive(action());
        return (Process.GetCurrentProcess().TotalProcessorTime - thread).TotalSeconds;
    }
}
