using System.Globalization;
using System.Text;
using Steward.Pii.Evaluation;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

/// <summary>
/// The dataset scanner analyses each cell on the engine's struct path (<see cref="AnalyzerEngine.AnalyzeCellInto(string, CellAnalysis, List{Finding})"/>:
/// findings appended to one list, no result or explanation objects). It must find what <see cref="AnalyzerEngine.Analyze"/>
/// finds, in the same order with the same scores, with the column's words as context, on scan-like cells and on
/// labelled prose, from one reused thread context (token arrays reused by size) as from a fresh one.
/// </summary>
public sealed class ScanFindingsPathTests
{
    private static readonly string[] Columns = ["id", "name", "email", "phone", "city", "amount", "date", "note", "ssn", "account_number"];
    private static readonly string[] Given = ["Maria", "Kasia", "Ines", "John", "Aiko", "Olu", "Zoë", "Mehmet"];
    private static readonly string[] Family = ["García", "Kowalski", "Smith", "O'Brien", "Nakamura", "Adeyemi", "Hubbard-Thomas"];
    private static readonly string[] Cities = ["Leeds", "Mumbai", "São Paulo", "Lyon, France", "New York", "Kraków"];

    private static string Cell(Random random, string column) => column switch
    {
        "id" => random.Next(1, 10_000_000).ToString(CultureInfo.InvariantCulture),
        "name" => $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}",
        "email" => $"{Given[random.Next(Given.Length)].ToLowerInvariant()}.{random.Next(1000)}@example.com",
        "phone" => random.Next(3) switch
        {
            0 => $"+1 617-{random.Next(200, 999)}-{random.Next(1000, 9999)}",
            1 => $"({random.Next(200, 999)}) 555-{random.Next(1000, 9999)}",
            _ => $"+44 20 7946 {random.Next(1000, 9999)}",
        },
        "city" => Cities[random.Next(Cities.Length)],
        "amount" => (random.Next(100_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture),
        "date" => $"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        "ssn" => random.Next(2) == 0 ? $"{random.Next(100, 700)}-{random.Next(10, 99)}-{random.Next(1000, 9999)}" : random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
        "account_number" => random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        _ => random.Next(4) switch
        {
            0 => $"Customer {Given[random.Next(Given.Length)]} called from {Cities[random.Next(Cities.Length)]} about card 4111 1111 1111 1111",
            1 => "Password reset requested, verified identity by phone",
            2 => $"ssn {random.Next(100, 700)}-{random.Next(10, 99)}-{random.Next(1000, 9999)}, born 12/03/1984",
            _ => $"Moved to {random.Next(1, 999)} Main Street, {Cities[random.Next(Cities.Length)]}; ip 10.0.{random.Next(256)}.{random.Next(256)}",
        },
    };

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.EntityType} {f.Start} {f.End} {f.Score:R}")));

    private static void AssertSameFindings(AnalyzerEngine engine, IEnumerable<(string Text, AnalyzeOptions Options)> cells)
    {
        var into = new List<Finding>();
        var compared = 0;
        foreach (var (text, options) in cells)
        {
            var expected = Describe(engine.Analyze(text, options).Select(Finding.Of));
            into.Clear();
            into.Add(new Finding("MARKER", -1, -1, 0)); // the path appends: what is already there stays
            engine.AnalyzeCellInto(text, options, into);
            Assert.Equal("MARKER", into[0].EntityType);
            var actual = Describe(into.Skip(1));
            Assert.True(expected == actual, $"text: {text}\nAnalyze:\n{expected}\nstruct path:\n{actual}");
            compared += expected.Length;
        }
        Assert.True(compared > 0, "nothing was found in any cell");
    }

    private static IEnumerable<(string, AnalyzeOptions)> ScanCells(int seed, int rows)
    {
        var random = new Random(seed);
        var options = Columns.Select(c => ColumnContext.Apply(new AnalyzeOptions(), c)).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < Columns.Length; c++) yield return (Cell(random, Columns[c]), options[c]);
        }
    }

    [Fact]
    public void StructPath_ScanCells_SameFindingsAsAnalyze() =>
        AssertSameFindings(AnalyzerEngine.CreateDefault(), ScanCells(20261202, 400));

    [Fact]
    public void StructPath_ObjectFallback_SameFindingsAsAnalyze() =>
        AssertSameFindings(new AnalyzerEngine(RecognizerRegistry.CreateDefault()) { ObjectPath = true }, ScanCells(17, 150));

    [Fact]
    public void StructPath_HoldoutTextsWithColumnContext_SameFindingsAsAnalyze()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Steward.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        var samples = LabeledDataset.Load(Path.Combine(root, "eng", "pii-holdout", "holdout.json"));
        var note = ColumnContext.Apply(new AnalyzeOptions(), "customer_note");
        var ssn = ColumnContext.Apply(new AnalyzeOptions { ScoreThreshold = 0.4 }, "ssn");
        AssertSameFindings(AnalyzerEngine.CreateDefault(), samples.SelectMany(s => new[] { (s.Text, note), (s.Text, ssn) }));
    }

    [Fact]
    public void ReusedTokenArrays_SameFindingsAsAFreshThread()
    {
        // The thread's context hands out one token array per token count: cells of the same count follow each other
        // (names, e-mails), longer texts go past the reused sizes; each must get what a fresh thread gets.
        var engine = AnalyzerEngine.CreateDefault();
        var random = new Random(9);
        var texts = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            texts.Add(Cell(random, "name"));
            texts.Add(Cell(random, "name"));
            texts.Add(Cell(random, "note"));
            var sb = new StringBuilder();
            for (var k = 0; k < 40; k++) sb.Append(Cell(random, Columns[random.Next(Columns.Length)])).Append(k % 5 == 4 ? ". " : ", ");
            texts.Add(sb.ToString());
        }
        var into = new List<Finding>();
        var options = new AnalyzeOptions();
        foreach (var text in texts)
        {
            into.Clear();
            engine.AnalyzeCellInto(text, options, into);
            var reused = Describe(into);
            var fresh = "";
            var thread = new Thread(() =>
            {
                var own = new List<Finding>();
                engine.AnalyzeCellInto(text, options, own);
                fresh = Describe(own);
            });
            thread.Start();
            thread.Join();
            Assert.True(fresh == reused, $"text: {text}\nfresh:\n{fresh}\nreused:\n{reused}");
        }
    }
}
