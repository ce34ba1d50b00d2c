using System.Globalization;
using Steward.Pii.Scanning;

namespace Steward.Cli.Commands.Pii;

/// <summary>The scan report for people: a summary, a table per column and entity type, samples, problems and the verdict.</summary>
internal static class ScanReportText
{
    public static void Write(TextWriter w, ScanReport r)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"file:     {r.File} ({r.Format}, {ScanCommand.Size(r.Bytes)})"));
        w.WriteLine($"sha256:   {r.Sha256}");
        w.WriteLine(string.Create(c, $"rows:     {r.Rows:N0} read, {r.RowsAffected:N0} with findings, {r.RowsSkipped:N0} not scanned; {r.CellsScanned:N0} cells"));
        var rate = r.DurationSeconds > 0 ? r.Bytes / r.DurationSeconds / 1e6 : 0;
        w.WriteLine(string.Create(c, $"time:     {r.DurationSeconds:0.###} s ({rate:0.0} MB/s){(r.Complete ? "" : "; stopped early")}"));
        w.WriteLine();
        var rows = r.Columns.SelectMany(col => col.Entities.Count == 0
            ? [(col.Name, col.CellsScanned.ToString("N0", c), "-", "", "", "")]
            : col.Entities.Select(e => (col.Name, col.CellsScanned.ToString("N0", c), e.EntityType, e.Count.ToString("N0", c), e.RowsAffected.ToString("N0", c),
                string.Create(c, $"{e.MinScore:0.00}/{e.MeanScore:0.00}/{e.MaxScore:0.00}")))).ToList();
        Table(w, ["COLUMN", "CELLS", "ENTITY", "FOUND", "ROWS", "SCORE MIN/MEAN/MAX"], rows.Select(x => new[] { x.Item1, x.Item2, x.Item3, x.Item4, x.Item5, x.Item6 }).ToList());
        var samples = r.Columns.SelectMany(col => col.Entities.SelectMany(e => e.Samples.Select(s => (col.Name, e.EntityType, s)))).ToList();
        if (samples.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("samples (redacted):");
            foreach (var (column, entity, s) in samples) w.WriteLine(string.Create(c, $"  {column} {entity} row {s.Row}: {s.Text}"));
        }
        if (r.ProblemCount > 0)
        {
            w.WriteLine();
            w.WriteLine(string.Create(c, $"problems ({r.Problems.Count} of {r.ProblemCount} listed):"));
            foreach (var p in r.Problems) w.WriteLine(string.Create(c, $"  {p.Kind} at row {p.Row}, byte {p.ByteOffset}: {p.Message}"));
        }
        if (r.RedactedTo is not null) { w.WriteLine(); w.WriteLine($"redacted copy: {r.RedactedTo}"); }
        w.WriteLine();
        w.WriteLine($"verdict:  {(r.Verdict.Passed ? "PASS" : "FAIL")} ({r.Verdict.Rule})");
        foreach (var reason in r.Verdict.Reasons) w.WriteLine($"  - {reason}");
    }

    private static void Table(TextWriter w, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(x => x[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            w.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
