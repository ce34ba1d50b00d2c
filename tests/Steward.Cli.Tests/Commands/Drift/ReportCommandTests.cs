using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Drift;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Csv(string name, int rows, double shift, int seed, bool zip = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,income,city,zip\n");
        for (var i = 0; i < rows; i++)
        {
            var age = 30 + shift * 10 + random.NextDouble() * 20;
            var income = Math.Round(1000 + random.NextDouble() * 500, 2);
            var city = random.NextDouble() < 0.5 + shift / 4 ? "Lyon" : "Paris";
            var zipCode = zip ? "02139" : random.Next(2) == 0 ? "02139" : "10001";
            text.Append(CultureInfo.InvariantCulture, $"{age:0.###},{income},{city},{zipCode}\n");
        }
        var path = _temp.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task SameDistribution_ExitsZero_AndPrintsEveryColumn()
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 400, 0, 1), "--current", Csv("cur.csv", 300, 0, 2)]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("age", run.Out, StringComparison.Ordinal);
        Assert.Contains("ks", run.Out, StringComparison.Ordinal);
        Assert.Contains("dataset drift: no", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task DriftedDataset_ExitsTwo_AndWritesTheJsonReport()
    {
        var json = _temp.File("report.json");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 2000, 0, 1), "--current", Csv("cur.csv", 1500, 1, 2, zip: true), "--json", json]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("dataset drift: yes", run.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.True(root.GetProperty("dataset_drift").GetBoolean());
        Assert.Equal(4, root.GetProperty("number_of_columns").GetInt32());
        var age = root.GetProperty("columns").GetProperty("age");
        Assert.Equal("num", age.GetProperty("column_type").GetString());
        Assert.Equal("wasserstein", age.GetProperty("stattest_name").GetString());
        Assert.True(age.GetProperty("drift_detected").GetBoolean());
        Assert.Equal("cat", root.GetProperty("columns").GetProperty("city").GetProperty("column_type").GetString());
    }

    [Fact]
    public async Task CategoricalOverride_KeepsCodesAsLabels_AndStattestApplies()
    {
        var json = _temp.File("report.json");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 300, 0, 1), "--current", Csv("cur.csv", 300, 0, 2),
            "--categorical", "zip", "--numerical", "income", "--stattest", "psi", "--threshold", "0.2", "--json", json]);
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var zip = report.RootElement.GetProperty("columns").GetProperty("zip");
        Assert.Equal("cat", zip.GetProperty("column_type").GetString());
        Assert.Equal("psi", zip.GetProperty("stattest_name").GetString());
        Assert.Equal(0.2, zip.GetProperty("stattest_threshold").GetDouble());
    }

    [Fact]
    public async Task JsonLines_AreRead_WithMissingKeysAsMissingValues()
    {
        var reference = _temp.File("ref.jsonl");
        var current = _temp.File("cur.jsonl");
        await File.WriteAllLinesAsync(reference, Enumerable.Range(0, 50).Select(i => i % 7 == 0 ? $"{{\"x\": {i}}}" : $"{{\"x\": {i}, \"label\": \"{(i % 2 == 0 ? "a" : "b")}\"}}"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(current, Enumerable.Range(0, 40).Select(i => $"{{\"label\": \"a\", \"x\": {i + 100}}}"), TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["drift", "report", "--reference", reference, "--current", current]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("label", run.Out, StringComparison.Ordinal);
        Assert.Contains(" z ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stattest", "nope", "unknown stattest 'nope'")]
    [InlineData("--threshold", "NaN", "--threshold must be a finite number")]
    [InlineData("--drift-share", "0", "--drift-share must be greater than 0")]
    [InlineData("--categorical", "nope", "column 'nope' is not in")]
    [InlineData("--stattest", "chisquare", "does not apply to numerical column 'age'")]
    public async Task BadOptions_FailWithOneLine(string option, string value, string expected)
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 20, 0, 1), "--current", Csv("cur.csv", 20, 0, 2), option, value]);
        run.AssertOneErrorLine(expected);
    }

    [Theory]
    [InlineData("ref.csv", "a,b\n1,2\n3\n", "line 3: expected 2 fields, found 1")]
    [InlineData("ref.csv", "a,b\n", "has no data rows")]
    [InlineData("ref.csv", "", "has no columns")]
    [InlineData("ref.csv", "a,b\n1,\"2\n", "line 2: a quoted field is not closed")]
    [InlineData("ref.jsonl", "{\"a\": 1}\n{\"a\": \n", "line 2: invalid JSON")]
    [InlineData("ref.jsonl", "[1, 2]\n", "line 1: expected a JSON object")]
    public async Task MalformedFiles_NameTheLine(string name, string content, string expected)
    {
        var path = _temp.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["drift", "report", "--reference", path, "--current", Csv("cur.csv", 20, 0, 2)]);
        run.AssertOneErrorLine(expected);
    }

    [Fact]
    public async Task NumericalOverride_OnText_NamesLineAndColumn()
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 20, 0, 1), "--current", Csv("cur.csv", 20, 0, 2), "--numerical", "city"]);
        run.AssertOneErrorLine("line 2, column 'city': 'Lyon' is not a number");
    }

    [Fact]
    public async Task MissingColumn_IsNoted_And_MissingFile_FailsWithOneLine()
    {
        var current = _temp.File("cur.csv");
        await File.WriteAllTextAsync(current, "age,income\n1,2\n", TestContext.Current.CancellationToken);
        var missing = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 20, 0, 1), "--current", current]);
        Assert.Equal(0, missing.ExitCode);
        Assert.Contains("missing in the current data", missing.Out, StringComparison.Ordinal);
        (await CliRun.RunAsync(["drift", "report", "--reference", _temp.File("none.csv"), "--current", current])).AssertOneErrorLine("does not exist");
    }

    public void Dispose() => _temp.Dispose();
}
