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

    /// <summary>A three-class model with a probability per class in columns p_a, p_b, p_c.</summary>
    private string MulticlassCsv(string name, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x,y,pred,p_a,p_b,p_c\n");
        string[] classes = ["a", "b", "c"];
        for (var i = 0; i < rows; i++)
        {
            var y = random.Next(3);
            var raw = Enumerable.Range(0, 3).Select(c => random.NextDouble() + (c == y ? 0.8 : 0)).ToArray();
            var p = raw.Select(v => v / raw.Sum()).ToArray();
            var pred = Array.IndexOf(p, p.Max());
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():0.###},{classes[y]},{classes[pred]},{p[0]:R},{p[1]:R},{p[2]:R}\n");
        }
        var path = _temp.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task MulticlassScores_ByListOrPrefix_GiveOneVsRestAndOneVsOne()
    {
        var (reference, current) = (MulticlassCsv("mref.csv", 400, 3), MulticlassCsv("mcur.csv", 300, 4));
        var byList = _temp.File("list.json");
        var byPrefix = _temp.File("prefix.json");
        var list = await CliRun.RunAsync(["drift", "report", "--reference", reference, "--current", current, "--target", "y", "--prediction", "pred",
            "--prediction-score", "a=p_a, b=p_b, c=p_c", "--json", byList]);
        Assert.Equal("", list.Error);
        Assert.Contains("roc_auc_ovo_weighted", list.Out, StringComparison.Ordinal);
        await CliRun.RunAsync(["drift", "report", "--reference", reference, "--current", current, "--target", "y", "--prediction", "pred", "--prediction-score", "p_*", "--json", byPrefix]);
        using var a = JsonDocument.Parse(await File.ReadAllTextAsync(byList, TestContext.Current.CancellationToken));
        using var b = JsonDocument.Parse(await File.ReadAllTextAsync(byPrefix, TestContext.Current.CancellationToken));
        var performance = a.RootElement.GetProperty("performance");
        Assert.Equal(["x"], a.RootElement.GetProperty("columns").EnumerateObject().Select(p => p.Name));
        Assert.Equal("p_b", performance.GetProperty("prediction_scores").GetProperty("b").GetString());
        var ovr = performance.GetProperty("current").GetProperty("roc_auc_ovr").GetDouble();
        Assert.InRange(ovr, 0.6, 1);
        Assert.Equal(ovr, b.RootElement.GetProperty("performance").GetProperty("current").GetProperty("roc_auc_ovr").GetDouble());
        Assert.Equal(3, performance.GetProperty("reference").GetProperty("roc_auc_per_class").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("q_*", "the reference has 0 column(s) starting with 'q_'")]
    [InlineData("*", "needs a prefix before the *")]
    [InlineData("a=p_a", "needs a score column for each of at least 2 classes")]
    [InlineData("a=p_a,b=", "'b=' is not CLASS=COLUMN")]
    [InlineData("a=p_a,a=p_b", "class 'a' has two score columns")]
    [InlineData("a=p_a,b=y", "column 'y' in the reference data must hold numbers (scores)")]
    public async Task BadMulticlassScores_FailWithOneLine(string option, string expected)
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", MulticlassCsv("mref.csv", 30, 1), "--current", MulticlassCsv("mcur.csv", 30, 2),
            "--target", "y", "--prediction", "pred", "--prediction-score", option]);
        run.AssertOneErrorLine(expected);
    }

    public void Dispose() => _temp.Dispose();
}
