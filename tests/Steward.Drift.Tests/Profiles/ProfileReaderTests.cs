using System.Text;
using Steward.Drift.Io;
using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>Reading files and streams straight into profiles types columns as the text reader did, and reports agree.</summary>
public sealed class ProfileReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("drift-reader-").FullName;

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string Csv(int rows, int seed, bool textLate)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x,code,mixed,flag,\"quoted, name\"\n");
        for (var i = 0; i < rows; i++)
        {
            var x = i % 97 == 0 ? "nan" : i % 89 == 0 ? "" : i % 83 == 0 ? "inf" : (random.NextDouble() * 10).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var mixed = textLate && i == rows - 1 ? "n/a" : random.Next(7).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"{x},0{random.Next(3)},{mixed},{(random.Next(2) == 0 ? "true" : "false")},\"a \"\"b\"\" {random.Next(4)}\"\n");
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Reports_From_The_Streaming_Reader_Equal_Reports_From_The_Text_Reader(bool textLateInReference, bool textLateInCurrent)
    {
        var reference = File("ref.csv", Csv(3000, 1, textLateInReference));
        var current = File("cur.csv", Csv(700, 2, textLateInCurrent));
        string[] categorical = ["code"];
        var (rt, ct, types) = TableReader.ReadPair(reference, current, categorical, []);
        var expected = DriftEngine.Run(rt, ct, new DriftOptions { ColumnTypes = types });
        var (rp, cp) = ProfileReader.ReadPair(reference, current, categorical, []);
        var actual = DriftEngine.Run(rp, cp, new DriftOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["code"] = ColumnType.Categorical } });
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(textLateInReference || textLateInCurrent ? ProfileColumnKind.Labels : ProfileColumnKind.Numbers, rp.Find("mixed")!.Kind);
        Assert.Equal(ProfileColumnKind.Labels, rp.Find("flag")!.Kind);
        Assert.Equal(4, rp.Find("quoted, name")!.Categories!.Count);
    }

    [Fact]
    public void Streams_Are_Read_From_Their_Position_With_Known_Kinds_And_Left_Open()
    {
        var bytes = Encoding.UTF8.GetBytes("skip{\"a\": 1, \"b\": 2}\n{\"a\": 2.5, \"b\": \"x\"}\n{\"a\": null}\n");
        using var stream = new MemoryStream(bytes) { Position = 4 };
        var kinds = new Dictionary<string, ProfileColumnKind> { ["a"] = ProfileColumnKind.Numbers };
        var profile = ProfileReader.Read(stream, DataFormat.JsonLines, "batch", kinds: kinds);
        Assert.Equal(3, profile.RowCount);
        Assert.Equal([1.0, 2.5], profile.Find("a")!.ExactValues);
        Assert.Equal(new Dictionary<string, long> { ["2"] = 1, ["x"] = 1 }, profile.Find("b")!.Categories);
        Assert.True(stream.CanRead);
        var error = Assert.Throws<DriftException>(() => ProfileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n3\n")), DataFormat.Csv, "batch"));
        Assert.Equal("batch line 3: expected 2 fields, found 1", error.Message);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "line 3: expected 2 fields, found 1")]
    [InlineData("a,b\n", "has no data rows")]
    [InlineData("", "has no columns")]
    [InlineData("a,b\n1,\"2\n", "line 2: a quoted field is not closed")]
    [InlineData("a,a\n1,2\n", "line 1: a column name appears twice")]
    public void Malformed_Csv_Names_The_Line(string content, string message)
    {
        var path = File("bad.csv", content);
        Assert.Contains(message, Assert.Throws<DriftException>(() => ProfileReader.Read(path, null, [], [])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": 1}\n{\"a\": \n", "line 2: invalid JSON")]
    [InlineData("[1, 2]\n", "line 1: expected a JSON object")]
    [InlineData("{\"a\": 1}\n{\"a\": [1]}\n", "line 2, column 'a': nested objects and arrays are not supported")]
    public void Malformed_Json_Lines_Name_The_Line_And_Column(string content, string message)
    {
        var path = File("bad.jsonl", content);
        Assert.Contains(message, Assert.Throws<DriftException>(() => ProfileReader.Read(path, null, [], [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_Numerical_Text_Names_Line_And_Column()
    {
        var path = File("data.csv", "a,b\n1,2\n3,x\n");
        Assert.Contains("line 3, column 'b': 'x' is not a number", Assert.Throws<DriftException>(() => ProfileReader.Read(path, null, [], ["b"])).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be both", Assert.Throws<DriftException>(() => ProfileReader.Read(path, null, ["b"], ["b"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_Is_Profiled_Row_Group_By_Row_Group()
    {
        var path = Path.Combine(_directory, "data.parquet");
        var x = new Parquet.Schema.DataField<double?>("x");
        var city = new Parquet.Schema.DataField<string>("city");
        await using (var stream = System.IO.File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(x, city), stream);
            for (var g = 0; g < 3; g++)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<double>(x, new ReadOnlyMemory<double?>(Enumerable.Range(0, 100).Select(i => i == 7 ? (double?)null : g * 100 + i).ToArray()), null, null, TestContext.Current.CancellationToken);
                await group.WriteAsync(city, Enumerable.Range(0, 100).Select(i => g == 2 && i == 5 ? "Nantes" : i % 2 == 0 ? "12" : "13").ToArray());
            }
        }
        var profile = ProfileReader.Read(path, null, [], []);
        Assert.Equal(300, profile.RowCount);
        Assert.Equal((297L, 3L, 0.0, 299.0), (profile.Find("x")!.Count, profile.Find("x")!.MissingCount, profile.Find("x")!.Min, profile.Find("x")!.Max));
        Assert.Equal(new Dictionary<string, long> { ["12"] = 150, ["13"] = 149, ["Nantes"] = 1 }, profile.Find("city")!.Categories);
        Assert.Contains("row 206, column 'city': 'Nantes' is not a number",
            Assert.Throws<DriftException>(() => ProfileReader.Read(path, null, [], ["city"])).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
