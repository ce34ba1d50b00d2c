using System.Globalization;
using System.Text;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

/// <summary>
/// The workers' memo of repeated cell values (<see cref="CellMemo"/>) and the CSV reader's in-place field splitting:
/// a scan with the memo must report exactly what a scan analysing every cell reports, and the character splitter
/// must find the fields the byte splitter found.
/// </summary>
public sealed class CellMemoTests : IDisposable
{
    private static readonly string[] Names = ["Maria García", "Kasia Kowalski", "John Smith", "Aiko Nakamura", "Olu Adeyemi", "Zoë O'Brien"];
    private static readonly string[] Cities = ["Leeds", "Mumbai", "São Paulo", "Lyon, France", "New York", "Kraków"];
    private static readonly string[] Notes =
    [
        "Password reset requested, verified identity by phone", "Customer Maria called from Leeds about a \"late\" parcel",
        "Moved to 12 Main Street, Boston", "nothing to report",
    ];

    private readonly ScanFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static string Csv(int rows, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder("id,name,city,date,ssn,note\n");
        for (var r = 0; r < rows; r++)
        {
            var note = Notes[random.Next(Notes.Length)];
            if (random.Next(10) == 0) note += $" ssn {random.Next(100, 700)}-{random.Next(10, 99)}-{random.Next(1000, 9999)}";
            var ssn = random.Next(3) == 0 ? "" : $"{random.Next(100, 110)}-{random.Next(10, 12)}-{random.Next(1000, 1003)}";
            sb.Append(CultureInfo.InvariantCulture, $"{r + 1},{Names[random.Next(Names.Length)]},\"{Cities[random.Next(Cities.Length)]}\",")
              .Append(CultureInfo.InvariantCulture, $"2026-{random.Next(1, 4):00}-{random.Next(1, 5):00},{ssn},\"{note.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
        }
        return sb.ToString();
    }

    private static string Json(ScanReport report) =>
        Encoding.UTF8.GetString(ScanReportJson.Serialize(report with { DurationSeconds = 0, RedactedTo = null }));

    private static Task<ScanReport> Scan(string path, bool memo, string? redactTo = null) =>
        new DatasetScanner(AnalyzerEngine.CreateDefault()).ScanFileAsync(path,
            new ScanOptions { BatchBytes = 4096, Workers = 2, MemoizeCells = memo, RedactTo = redactTo, SamplesPerEntity = 5 },
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Csv_WithMemo_SameReportAndRedactedCopyAsEveryCellAnalysed()
    {
        var path = _files.Write("repeats.csv", Csv(3000, 20261203));
        var plain = await Scan(path, memo: false, redactTo: Path.Combine(_files.Folder, "plain.csv"));
        var memo = await Scan(path, memo: true, redactTo: Path.Combine(_files.Folder, "memo.csv"));

        Assert.True(plain.EntityCounts.Count >= 3, string.Join(", ", plain.EntityCounts.Keys));
        Assert.Equal(Json(plain), Json(memo));
        Assert.Equal(File.ReadAllText(Path.Combine(_files.Folder, "plain.csv")), File.ReadAllText(Path.Combine(_files.Folder, "memo.csv")));
    }

    [Fact]
    public async Task Jsonl_WithMemo_SameReportAsEveryCellAnalysed()
    {
        var random = new Random(7);
        var sb = new StringBuilder();
        for (var r = 0; r < 1500; r++)
            sb.Append(CultureInfo.InvariantCulture, $"{{\"id\":{r},\"name\":\"{Names[random.Next(Names.Length)]}\",\"address\":{{\"city\":\"{Cities[random.Next(Cities.Length)]}\"}},\"note\":\"{Notes[random.Next(Notes.Length)].Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}\n");
        var path = _files.Write("repeats.jsonl", sb.ToString());
        Assert.Equal(Json(await Scan(path, memo: false)), Json(await Scan(path, memo: true)));
    }

    [Fact]
    public void Memo_ColumnOfUniqueValues_IsDroppedAndGivesItsRoomBack()
    {
        var memo = new CellMemo();
        var ids = memo.For("id");
        var cities = memo.For("city");
        Finding[] found = [new(PiiEntities.Location, 0, 5, 0.85)];
        for (var i = 0; i <= CellMemo.MaxEntriesPerColumn; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            Assert.False(ids.TryGet(id, out _, out _));
            ids.Add(id, []);
            var city = Cities[i % Cities.Length];
            if (!cities.TryGet(city, out _, out _)) cities.Add(city, found);
        }
        Assert.False(ids.Enabled);
        Assert.Equal(0, ids.Count);
        Assert.True(cities.Enabled);
        Assert.Equal(Cities.Length, memo.Entries);
        Assert.True(cities.TryGet("Kraków".AsSpan(), out var kept, out var findings));
        Assert.Equal("Kraków", kept);
        Assert.Equal(found, findings);
        Assert.False(cities.TryGet(new string('x', CellMemo.MaxTextLength + 1), out _, out _));
    }

    [Fact]
    public void Memo_NeverHoldsMoreThanItsBound()
    {
        var memo = new CellMemo();
        for (var c = 0; c < 8; c++)
        {
            var column = memo.For($"c{c}");
            for (var i = 0; i < CellMemo.MaxEntriesPerColumn + 10; i++)
            {
                var text = (i % 2000).ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
                if (!column.TryGet(text, out _, out _)) column.Add(text, []);
                column.TryGet(text, out _, out _); // looked up again: a column whose values repeat
                Assert.True(memo.Entries <= CellMemo.MaxEntries);
            }
        }
        Assert.Equal(CellMemo.MaxEntries, memo.Entries);
    }

    [Fact]
    public void Memo_LongValuesStopAtTheCharacterBound()
    {
        var memo = new CellMemo();
        var column = memo.For("note");
        var filler = new string('n', CellMemo.MaxTextLength - 8);
        for (var i = 0; i < CellMemo.MaxEntriesPerColumn; i++)
        {
            var text = filler + i.ToString("D8", CultureInfo.InvariantCulture);
            column.Add(text, []);
            Assert.True(column.TryGet(text, out _, out _) || memo.Chars + text.Length > CellMemo.MaxChars);
        }
        Assert.True(memo.Chars <= CellMemo.MaxChars);
        Assert.Equal(CellMemo.MaxChars / CellMemo.MaxTextLength, memo.Entries);
        Assert.True(column.Enabled);
    }

    [Fact]
    public void SplitDecoded_SameFieldsAsSplittingTheBytes()
    {
        // Random records from an alphabet of the hard parts: quotes, delimiters, carriage returns, multi-byte
        // characters and invalid UTF-8 (lone lead and continuation bytes, a truncated sequence, which a quote between
        // its bytes can complete once unquoted: such records keep the byte splitter).
        byte[][] pieces = [[(byte)'"'], [(byte)'"'], [(byte)','], [(byte)'\r'], [(byte)'a'], [(byte)' '], "é"u8.ToArray(), "€"u8.ToArray(), "😀"u8.ToArray(),
            [0xC3], [0x82], [0xE2, 0x82], [0xFF], [(byte)'\t']];
        var random = new Random(42);
        var ranges = new List<(int Start, int Length)>();
        char[] chars = [];
        for (var n = 0; n < 20_000; n++)
        {
            var record = new List<byte>();
            var length = random.Next(0, 14);
            for (var k = 0; k < length; k++) record.AddRange(pieces[random.Next(pieces.Length)]);
            var bytes = record.ToArray();
            var delimiter = n % 3 == 0 ? (byte)'\t' : (byte)',';
            var decoded = CsvFields.SplitDecoded(bytes, delimiter, System.Text.Unicode.Utf8.IsValid(bytes), ref chars, ranges);
            var fields = new List<string>();
            foreach (var (start, count) in ranges) fields.Add(new string(decoded.Slice(start, count)));
            var expected = ReferenceSplit(bytes, delimiter);
            Assert.True(expected.SequenceEqual(fields), $"record {Convert.ToHexString(bytes)}: [{string.Join("|", expected)}] vs [{string.Join("|", fields)}]");
        }
    }

    // The byte splitter the scanner used before (fields unquoted as bytes, each decoded on its own).
    private static List<string> ReferenceSplit(ReadOnlySpan<byte> record, byte delimiter)
    {
        var fields = new List<string>();
        if (record.Length > 0 && record[^1] == '\r') record = record[..^1];
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                var field = new List<byte>();
                var quoted = true;
                i++;
                while (i < record.Length)
                {
                    var b = record[i];
                    if (quoted && b == '"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == '"') { field.Add((byte)'"'); i += 2; continue; }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (!quoted && b == delimiter) break;
                    field.Add(b);
                    i++;
                }
                fields.Add(Encoding.UTF8.GetString([.. field]));
            }
            else
            {
                var k = record[i..].IndexOf(delimiter);
                var end = k < 0 ? record.Length : i + k;
                fields.Add(Encoding.UTF8.GetString(record[i..end]));
                i = end;
            }
            if (i >= record.Length) return fields;
            i++;
            if (i == record.Length) { fields.Add(""); return fields; }
        }
    }
}
