using System.Text;
using Steward.Benchmarks.Policy;
using Steward.Pii;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-cells [rows] [--recognizers default|patterns] [--joined|--alloc|--time|--alloc-types]</c>: the engine's cost per CSV cell,
/// single-threaded, without the scan's reader and pipeline: the generated scan rows (<see cref="ScanBenchData"/>) split
/// into cells in memory, each analysed with its column's name as context on the scanner's struct path
/// (<c>AnalyzeCellInto</c>, as <c>DatasetScanner</c> does); thread CPU time and allocations per cell.
/// <c>--joined</c> also analyses each row as one text (cells joined by line breaks, no boundaries kept: an upper bound
/// of what one engine call per row could save); <c>--alloc</c> prints the bytes each recognizer allocates per cell;
/// <c>--time</c> each recognizer's own CPU time per cell, per column; <c>--alloc-types</c> the types allocated on the
/// engine's path, sampled (<see cref="AllocationSampler"/>).
/// </summary>
internal static class CellProfile
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "phone") return PhoneMicro.Run();
        var rows = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
        var kind = args.Length > 2 && args[1] == "--recognizers" ? args[2] : "default";
        var joined = args.Contains("--joined");
        var alloc = args.Contains("--alloc");
        var path = Path.Combine(Path.GetTempPath(), "steward-bench-cells.csv");
        if (!File.Exists(path)) ScanBenchData.Write(path, 8L << 20);
        var lines = File.ReadLines(path).Take(rows + 1).ToList();
        var header = lines[0].Split(',');
        var cells = new List<(int Column, string Text)>();
        foreach (var line in lines.Skip(1)) cells.AddRange(Split(line).Select((text, c) => (c, text)).Where(x => x.text.Length > 0));
        var bytes = lines.Skip(1).Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1);
        var engine = BenchRecognizers.Engine(kind);
        // Compiled once per column, as DatasetScanner does.
        var options = header.Select(h => engine.PrepareCells(Steward.Pii.Scanning.ColumnContext.Apply(new AnalyzeOptions(), h))).ToArray();
        var findings = new List<Finding>();
        void Pass()
        {
            foreach (var (column, text) in cells)
            {
                engine.AnalyzeCellInto(text, options[column], findings);
                findings.Clear();
            }
        }
        if (alloc) return Allocations(engine, cells);
        if (args.Contains("--alloc-types"))
        {
            Pass();
            using var sampler = new AllocationSampler();
            sampler.Start();
            var before = GC.GetAllocatedBytesForCurrentThread();
            Pass();
            Pass();
            sampler.Stop();
            Console.WriteLine($"{(GC.GetAllocatedBytesForCurrentThread() - before) / 2 / cells.Count} bytes allocated per cell; AllocationTick samples (about 100 KB each) by type:");
            foreach (var (type, ticks) in sampler.Top(15))
            {
                // A compiler-generated name (a closure, an iterator) says little alone: name the Steward types that declare one.
                var owners = type.StartsWith('<') ? AllocationSampler.Declarers(type) : "";
                Console.WriteLine($"  {ticks,6}  {type}{owners}");
            }
            return 0;
        }
        if (args.Contains("--time")) return Times(engine, header, cells);
        Pass();
        Pass();
        var best = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Nanoseconds();
            Pass();
            var took = (ThreadCpu.Nanoseconds() - cpu) / 1e9;
            if (took < best) (best, allocated) = (took, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Console.WriteLine($"{kind}: {cells.Count} cells of {rows} rows ({bytes / 1e6:0.0} MB): {best / cells.Count * 1e6:0.00} µs per cell, "
            + $"{bytes / 1e6 / best:0.0} MB per CPU-second, {allocated / cells.Count} bytes allocated per cell");
        if (joined) Joined(engine, lines.Skip(1).Select(l => string.Join('\n', Split(l))).ToList(), best / (lines.Count - 1));
        // Per column: where the time goes.
        for (var c = 0; c < header.Length; c++)
        {
            var column = cells.Where(x => x.Column == c).Select(x => x.Text).ToList();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Nanoseconds();
            foreach (var text in column)
            {
                engine.AnalyzeCellInto(text, options[c], findings);
                findings.Clear();
            }
            var took = ThreadCpu.Nanoseconds() - cpu;
            Console.WriteLine($"  {header[c],-8} {took / 1e3 / Math.Max(1, column.Count),8:0.00} µs per cell, "
                + $"{(GC.GetAllocatedBytesForCurrentThread() - before) / Math.Max(1, column.Count),6} bytes allocated per cell");
        }
        return 0;
    }

    private static void Joined(AnalyzerEngine engine, List<string> rows, double perRowAsCells)
    {
        var findings = new List<Finding>();
        var options = new AnalyzeOptions();
        void Pass()
        {
            foreach (var row in rows)
            {
                engine.AnalyzeCellInto(row, options, findings);
                findings.Clear();
            }
        }
        Pass();
        Pass();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var cpu = ThreadCpu.Nanoseconds();
            Pass();
            best = Math.Min(best, (ThreadCpu.Nanoseconds() - cpu) / 1e9);
        }
        Console.WriteLine($"  one text per row (joined, no boundaries): {best / rows.Count * 1e6:0.00} µs per row; cell by cell: {perRowAsCells * 1e6:0.00} µs per row");
    }

    /// <summary>
    /// Each recognizer's own thread CPU time per cell, per column: the cells' contexts are built and warmed first (digit
    /// runs and tokens computed), then each recognizer runs over a column's contexts alone; the whole engine's time per
    /// cell beside it shows what the engine adds around them (context set-up, finishing, context words). Each loop runs
    /// one recognizer with the caches to itself, so the column's sum can exceed the engine's time: read the shares.
    /// </summary>
    private static int Times(AnalyzerEngine engine, string[] header, List<(int Column, string Text)> cells)
    {
        var recognizers = engine.Registry.All.ToArray();
        var options = header.Select(h => Steward.Pii.Scanning.ColumnContext.Apply(new AnalyzeOptions(), h)).ToArray();
        var findings = new List<Finding>();
        Console.WriteLine($"{"column",-8} {"engine",8} {"sum",8}  " + string.Join(" ", recognizers.Select(r => Short(r.Name))) + "   (µs per cell)");
        for (var c = 0; c < header.Length; c++)
        {
            var texts = cells.Where(x => x.Column == c).Select(x => x.Text).ToList();
            if (texts.Count == 0) continue;
            var contexts = texts.Select(t => new AnalysisContext(t)).ToList();
            var sink = new ResultSink();
            foreach (var context in contexts) foreach (var r in recognizers) { sink.Reset(null); r.Analyze(context, sink); }
            var each = new double[recognizers.Length];
            for (var k = 0; k < recognizers.Length; k++)
            {
                var best = double.MaxValue;
                for (var pass = 0; pass < 3; pass++)
                {
                    var cpu = ThreadCpu.Nanoseconds();
                    foreach (var context in contexts) { sink.Reset(null); recognizers[k].Analyze(context, sink); }
                    best = Math.Min(best, ThreadCpu.Nanoseconds() - cpu);
                }
                each[k] = best / 1e3 / texts.Count;
            }
            var whole = double.MaxValue;
            for (var pass = 0; pass < 3; pass++)
            {
                var cpu = ThreadCpu.Nanoseconds();
                foreach (var text in texts) { engine.AnalyzeCellInto(text, options[c], findings); findings.Clear(); }
                whole = Math.Min(whole, ThreadCpu.Nanoseconds() - cpu);
            }
            Console.WriteLine($"{header[c],-8} {whole / 1e3 / texts.Count,8:0.00} {each.Sum(),8:0.00}  " + string.Join(" ", each.Select((t, k) => t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).PadLeft(Short(recognizers[k].Name).Length))));
        }
        return 0;
    }

    private static string Short(string name) => name.Replace("Recognizer", "", StringComparison.Ordinal);

    private static int Allocations(AnalyzerEngine engine, List<(int Column, string Text)> cells)
    {
        // Each cell on a fresh context (so the first recognizer to ask pays for the digit-run index or the tokens, which
        // the engine's reused context keeps from cell to cell), twice, the second pass counted.
        var recognizers = engine.Registry.All.ToArray();
        var bytes = new long[recognizers.Length];
        var sink = new ResultSink();
        for (var pass = 0; pass < 2; pass++)
        {
            Array.Clear(bytes);
            foreach (var (_, text) in cells)
            {
                var context = new AnalysisContext(text);
                sink.Reset(null);
                for (var k = 0; k < recognizers.Length; k++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    recognizers[k].Analyze(context, sink);
                    bytes[k] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }
        for (var k = 0; k < recognizers.Length; k++) Console.WriteLine($"  {recognizers[k].Name,-32} {bytes[k] / (double)cells.Count,7:0.0} bytes per cell");
        return 0;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
