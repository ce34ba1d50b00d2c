using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Drift;

/// <summary><c>steward drift report</c> with the model options (performance, fairness) and <c>--html</c>.</summary>
public sealed class ReportModelOptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>A scored binary classifier's data; <paramref name="worse"/> flips part of the current predictions.</summary>
    private string Csv(string name, int rows, int seed, bool worse = false, string extraColumn = "feature")
    {
        var random = new Random(seed);
        var text = new StringBuilder($"{extraColumn},sex,y,pred,score\n");
        for (var i = 0; i < rows; i++)
        {
            var score = random.NextDouble();
            var y = random.NextDouble() < score ? 1 : 0;
            var pred = score > 0.5 ? 1 : 0;
            if (worse && random.NextDouble() < 0.3) pred = 1 - pred;
            var label = i == 3 && worse ? "" : y.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 10:0.###},{(random.Next(2) == 0 ? "f" : "m")},{label},{pred},{score:0.####}\n");
        }
        var path = _temp.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task ModelOptions_AddPerformanceAndFairness_AndLeaveOutcomeColumnsOutOfDrift()
    {
        var json = _temp.File("report.json");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 600, 1), "--current", Csv("cur.csv", 500, 2, worse: true),
            "--target", "y", "--prediction", "pred", "--prediction-score", "score", "--sensitive", "sex", "--privileged", "m", "--json", json]);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("performance (classification, positive class 1; 499 current rows):", run.Out, StringComparison.Ordinal);
        Assert.Contains("roc_auc", run.Out, StringComparison.Ordinal);
        Assert.Contains("rows without target or prediction left out: 0 reference, 1 current", run.Out, StringComparison.Ordinal);
        Assert.Contains("fairness of sex (current): demographic parity difference", run.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.Equal(["feature", "sex"], root.GetProperty("columns").EnumerateObject().Select(p => p.Name));
        var performance = root.GetProperty("performance");
        Assert.Equal("score", performance.GetProperty("prediction_score").GetString());
        Assert.True(performance.GetProperty("change").GetProperty("accuracy").GetDouble() < -0.1);
        Assert.Equal(600, performance.GetProperty("reference").GetProperty("rows").GetInt32());
        Assert.Equal("m", root.GetProperty("fairness").GetProperty("sex").GetProperty("privileged").GetString());
    }

    [Fact]
    public async Task DriftModelColumns_TestsTheOutcomesToo_AndHtmlIsWritten()
    {
        var html = _temp.File("report.html");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 300, 1, extraColumn: "<script>x</script>"), "--current", Csv("cur.csv", 300, 2, extraColumn: "<script>x</script>"),
            "--target", "y", "--prediction", "pred", "--drift-model-columns", "--html", html]);
        Assert.Contains("\nscore ", run.Out, StringComparison.Ordinal);
        Assert.Contains("\ny ", run.Out, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"performance\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(new[] { "--target", "y" }, "--target and --prediction go together")]
    [InlineData(new[] { "--sensitive", "sex" }, "need --target and --prediction")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--task", "ranking" }, "--task must be classification or regression, not 'ranking'")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--sensitive", "sex", "--privileged", "m,f" }, "--privileged needs one value per --sensitive column (1), got 2")]
    [InlineData(new[] { "--target", "nope", "--prediction", "pred" }, "column 'nope' is not in the reference data")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--prediction-score", "sex" }, "column 'sex' in the reference data must hold numbers (scores)")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--task", "regression", "--sensitive", "sex" }, "fairness metrics need a classification task")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--sensitive", "sex", "--privileged", "x" }, "reference data: the privileged value 'x' does not occur in 'sex'")]
    [InlineData(new[] { "--target", "y", "--prediction", "pred", "--html", "/nonexistent-dir/r.html" }, "directory /nonexistent-dir does not exist")]
    public async Task BadModelOptions_FailWithOneLine(string[] options, string expected)
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 30, 1), "--current", Csv("cur.csv", 30, 2), .. options]);
        run.AssertOneErrorLine(expected);
    }

    public void Dispose() => _temp.Dispose();
}
