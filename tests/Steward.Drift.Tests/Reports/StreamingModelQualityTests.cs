using System.Globalization;
using System.Text;
using Steward.Drift.Io;
using Steward.Drift.Performance;
using Steward.Drift.Reports;

namespace Steward.Drift.Tests.Reports;

/// <summary>Model quality measured during the profiling pass equals <see cref="ModelQuality.EvaluateFiles"/> (which reads the files as tables).</summary>
public sealed class StreamingModelQualityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("steward-streaming-quality-").FullName;

    private static DriftReport Empty() => DriftEngine.Run(new DriftTable([]), new DriftTable([]));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Rows of a scored classifier (or a regression) as CSV or JSON Lines, with missing cells and string classes when asked.</summary>
    private string Data(string name, int rows, int seed, bool regression = false, bool words = false, int textRow = -1)
    {
        var random = new Random(seed);
        var json = name.EndsWith(".jsonl", StringComparison.Ordinal);
        var text = new StringBuilder(json ? "" : "x,sex,y,pred,score\n");
        string[] classes = words ? ["cat", "dog", "1.0", "<bird>"] : ["0", "1"];
        for (var i = 0; i < rows; i++)
        {
            var score = random.NextDouble();
            string y, pred;
            if (regression)
            {
                var v = random.NextDouble() * 100;
                (y, pred) = (v.ToString("R", CultureInfo.InvariantCulture), (v + random.NextDouble() * 10 - 5).ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                y = classes[random.Next(classes.Length)];
                pred = random.NextDouble() < 0.7 ? y : classes[random.Next(classes.Length)];
            }
            if (i % 17 == 3) y = "";
            if (i == textRow) y = "unknown";
            var sex = i % 11 == 5 ? "" : random.Next(3) switch { 0 => "f", 1 => "m", _ => "x" };
            var x = random.NextDouble().ToString("R", CultureInfo.InvariantCulture);
            if (json)
            {
                static string J(string v, bool quote) => v.Length == 0 ? "null" : quote ? $"\"{v}\"" : v;
                var quote = words || textRow >= 0 || !double.TryParse(y, CultureInfo.InvariantCulture, out _);
                text.Append(CultureInfo.InvariantCulture, $"{{\"x\": {x}, \"sex\": {J(sex, true)}, \"y\": {J(y, quote)}, \"pred\": {J(pred, quote && !double.TryParse(pred, CultureInfo.InvariantCulture, out _) || words)}, \"score\": {score.ToString("R", CultureInfo.InvariantCulture)}}}\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{x},{sex},{y},{pred},{score.ToString("R", CultureInfo.InvariantCulture)}\n");
            }
        }
        return Write(name, text.ToString());
    }

    private static void AssertSame(string? reference, string current, ModelColumns columns)
    {
        var expected = ModelQuality.EvaluateFiles(Empty(), reference, current, columns);
        var quality = new StreamingModelQuality(columns);
        if (reference is null)
        {
            var profile = ProfileReader.Read(current, null, [], []);
            ProfileReader.ReadCurrent(current, profile, [], [], quality);
        }
        else
        {
            ProfileReader.ReadPair(reference, current, [], [], quality);
        }
        var actual = quality.Evaluate(Empty());
        Assert.Equal(DriftReportJson.Serialize(expected), DriftReportJson.Serialize(actual));
    }

    public static TheoryData<string, string> Formats => new() { { "ref.csv", "cur.csv" }, { "ref.jsonl", "cur.jsonl" }, { "ref.csv", "cur.jsonl" } };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Binary_Scored_WithFairness_IsTheSame(string reference, string current)
    {
        var columns = new ModelColumns { Target = "y", Prediction = "pred", PredictionScore = "score", Sensitive = ["sex"], Privileged = ["m"] };
        AssertSame(Data(reference, 700, 1), Data(current, 500, 2), columns);
        AssertSame(null, Data(current, 500, 3), columns);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void InferredRegression_And_WordClasses_AreTheSame(string reference, string current)
    {
        AssertSame(Data(reference, 400, 4, regression: true), Data(current, 300, 5, regression: true), new ModelColumns { Target = "y", Prediction = "pred" });
        AssertSame(Data(reference, 400, 6, words: true), Data(current, 300, 7, words: true), new ModelColumns { Target = "y", Prediction = "pred", Sensitive = ["sex"], PositiveClass = "dog" });
    }

    [Fact]
    public void ClassScores_AreTheSame()
    {
        string Scored(string name, int seed)
        {
            var text = new StringBuilder("y,pred,s0,s1\n");
            var random = new Random(seed);
            for (var i = 0; i < 300; i++)
            {
                var s = random.NextDouble();
                var second = i % 23 == 0 ? "" : s.ToString("R", CultureInfo.InvariantCulture);   // a missing score: left out of the AUC only
                text.Append(CultureInfo.InvariantCulture, $"{(random.NextDouble() < s ? 1 : 0)},{(s > 0.5 ? 1 : 0)},{(1 - s).ToString("R", CultureInfo.InvariantCulture)},{second}\n");
            }
            return Write(name, text.ToString());
        }
        var columns = new ModelColumns { Target = "y", Prediction = "pred", ClassScores = [new("0", "s0"), new("1", "s1")] };
        AssertSame(Scored("ref.csv", 14), Scored("cur.csv", 15), columns);
    }

    [Fact]
    public void TextInTheCurrentTarget_RetypesTheReference_AsTheTablesDo()
    {
        var columns = new ModelColumns { Target = "y", Prediction = "pred", Sensitive = ["sex"] };
        AssertSame(Data("ref.csv", 300, 8), Data("cur.csv", 300, 9, textRow: 250), columns);
        AssertSame(Data("ref.csv", 300, 10, textRow: 20), Data("cur.csv", 300, 11), columns);
    }

    [Fact]
    public async Task Parquet_IsTheSame()
    {
        async Task<string> Parquet(string name, int seed)
        {
            var random = new Random(seed);
            var path = Path.Combine(_directory, name);
            var y = new global::Parquet.Schema.DataField<int?>("y");
            var pred = new global::Parquet.Schema.DataField<int?>("pred");
            var score = new global::Parquet.Schema.DataField<double?>("score");
            var sex = new global::Parquet.Schema.DataField<string>("sex");
            await using var stream = File.Create(path);
            await using var writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(y, pred, score, sex), stream);
            for (var g = 0; g < 2; g++)
            {
                var scores = Enumerable.Range(0, 150).Select(_ => random.NextDouble()).ToArray();
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<int>(y, new ReadOnlyMemory<int?>(scores.Select((s, i) => i % 13 == 0 ? (int?)null : random.NextDouble() < s ? 1 : 0).ToArray()), null, null, TestContext.Current.CancellationToken);
                await group.WriteAsync<int>(pred, new ReadOnlyMemory<int?>(scores.Select(s => (int?)(s > 0.5 ? 1 : 0)).ToArray()), null, null, TestContext.Current.CancellationToken);
                await group.WriteAsync<double>(score, new ReadOnlyMemory<double?>(scores.Select(s => (double?)s).ToArray()), null, null, TestContext.Current.CancellationToken);
                await group.WriteAsync(sex, scores.Select(s => random.Next(2) == 0 ? "f" : "m").ToArray());
            }
            return path;
        }
        var columns = new ModelColumns { Target = "y", Prediction = "pred", PredictionScore = "score", Sensitive = ["sex"], Privileged = ["f"] };
        AssertSame(await Parquet("ref.parquet", 16), await Parquet("cur.parquet", 17), columns);
    }

    [Fact]
    public void Errors_NameTheColumnAndTheData()
    {
        var reference = Data("ref.csv", 50, 12);
        var current = Data("cur.csv", 50, 13);
        string Error(ModelColumns columns)
        {
            var quality = new StreamingModelQuality(columns);
            ProfileReader.ReadPair(reference, current, [], [], quality);
            return Assert.Throws<DriftException>(() => quality.Evaluate(Empty())).Message;
        }
        Assert.Equal("column 'nope' is not in the reference data", Error(new ModelColumns { Target = "nope", Prediction = "pred" }));
        Assert.Equal("column 'sex' in the reference data must hold numbers (scores)", Error(new ModelColumns { Target = "y", Prediction = "pred", PredictionScore = "sex" }));
        Assert.Equal("column 'sex' in the reference data must hold numbers for a regression", Error(new ModelColumns { Target = "sex", Prediction = "pred", Task = PerformanceTask.Regression }));
        Assert.Equal("reference data: the privileged value 'q' does not occur in 'sex'", Error(new ModelColumns { Target = "y", Prediction = "pred", Sensitive = ["sex"], Privileged = ["q"] }));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
