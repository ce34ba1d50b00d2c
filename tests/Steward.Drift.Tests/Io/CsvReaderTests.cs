using System.Text;
using Steward.Drift.Io;

namespace Steward.Drift.Tests.Io;

/// <summary>The span-based CSV reader: RFC 4180 quoting, line endings, BOM, buffer boundaries and errors with line and column.</summary>
public sealed class CsvReaderTests
{
    private static List<(int Line, string?[] Fields)> Read(string text, int bufferSize = 64 * 1024)
    {
        var csv = new CsvReader(new StringReader(text), "t.csv", bufferSize);
        var records = new List<(int, string?[])>();
        while (csv.Read())
        {
            var fields = new string?[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = csv.FieldString(i);
            records.Add((csv.Line, fields));
        }
        return records;
    }

    private static string J(string?[] fields) => string.Join("|", fields.Select(f => f ?? "<null>"));

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(64 * 1024)]
    public void Rfc4180_Quoting_LineEndings_And_Blank_Lines(int bufferSize)
    {
        var text = "\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\n\"multi\nline\",\"\",3\r4,,\"\"\"\"\n\"last\",z,9";
        var records = Read(text, bufferSize);
        Assert.Equal([1, 2, 4, 6, 7], records.Select(r => r.Line));
        Assert.Equal(J(["a", "b", "c"]), J(records[0].Fields));
        Assert.Equal(J(["1", "x, \"y\"", null]), J(records[1].Fields));
        Assert.Equal(J(["multi\nline", "", "3"]), J(records[2].Fields));
        Assert.Equal(J(["4", null, "\""]), J(records[3].Fields));
        Assert.Equal(J(["last", "z", "9"]), J(records[4].Fields));
    }

    [Fact]
    public void Equals_The_Char_By_Char_Reader_On_Random_Valid_Csv_At_Every_Buffer_Size()
    {
        var random = new Random(6);
        string[] pieces = ["a", "12.5", "", "x y", "\"q,\"", "\"a\"\"b\"", "\"l1\nl2\"", "\"\"", "-3e4", "\"c\r\nd\""];
        for (var trial = 0; trial < 200; trial++)
        {
            var text = new StringBuilder();
            var rows = random.Next(1, 8);
            var width = random.Next(1, 5);
            for (var r = 0; r < rows; r++)
            {
                text.AppendJoin(',', Enumerable.Range(0, width).Select(_ => pieces[random.Next(pieces.Length)]));
                text.Append(random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => r == rows - 1 ? "" : "\n\n" });
            }
            var expected = CsvRecords.Read(new StringReader(text.ToString()), "t.csv").Select(r => (r.Line, r.Fields.ToArray())).ToList();
            foreach (var size in new[] { 4, 6, 9, 16, 1024 })
            {
                var actual = Read(text.ToString(), size);
                Assert.Equal(expected.Select(e => e.Line), actual.Select(a => a.Line));
                for (var i = 0; i < expected.Count; i++) Assert.Equal(J(expected[i].Item2), J(actual[i].Fields));
            }
        }
    }

    [Fact]
    public void Long_Records_Grow_The_Buffer()
    {
        var wide = string.Join(',', Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? $"\"v{i}\"" : $"{i}"));
        var records = Read($"{wide}\n{wide}", 16);
        Assert.Equal(2, records.Count);
        Assert.Equal(5000, records[1].Fields.Length);
        Assert.Equal("v4998", records[1].Fields[4998]);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "t.csv line 2, column 4: a quote inside an unquoted field")]
    [InlineData("a,b\n1,\"xy\"z\n", "t.csv line 2, column 7: a closing quote must be followed by a comma or the end of the line")]
    [InlineData("a,b\n\"x\ny\",\"open\nmore", "t.csv line 3: a quoted field is not closed (it opens at column 4)")]
    public void Malformed_Input_Names_Line_And_Column(string text, string expected)
    {
        foreach (var size in new[] { 4, 1024 })
            Assert.Equal(expected, Assert.Throws<DriftException>(() => Read(text, size)).Message);
    }
}
