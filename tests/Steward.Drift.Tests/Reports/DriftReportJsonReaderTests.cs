using System.Text.Json.Nodes;
using Steward.Drift.Performance;
using Steward.Drift.Reports;

namespace Steward.Drift.Tests.Reports;

public sealed class DriftReportJsonReaderTests
{
    private static DriftTable Table(int seed, double shift, bool regression)
    {
        var random = new Random(seed);
        var n = 400;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10 + shift).ToArray();
        var y = x.Select(v => regression ? v * 2 + random.NextDouble() : v > 5 + shift ? 1 : 0).ToArray();
        var p = y.Select(v => regression ? v + random.NextDouble() - 0.3 : random.NextDouble() < 0.8 ? v : 1 - v).ToArray();
        var score = p.Select(v => Math.Clamp(v * 0.6 + random.NextDouble() * 0.4, 0, 1)).ToArray();
        var sex = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "<f&\"'>" : "m").ToArray();
        return new DriftTable([DriftColumn.FromNumbers("x", x), DriftColumn.FromLabels("sex", sex), DriftColumn.FromNumbers("y", y),
            DriftColumn.FromNumbers("p", p), DriftColumn.FromNumbers("s", score), DriftColumn.FromNumbers("x<&>", x.Select(v => v * v).ToArray())]);
    }

    private static DriftReport Report(bool regression, bool withReference)
    {
        var (reference, current) = (Table(1, 0, regression), Table(2, 1.5, regression));
        var drift = DriftEngine.Run(reference, current, new DriftOptions { Columns = ["x", "sex", "x<&>"] });
        var columns = regression
            ? new ModelColumns { Target = "y", Prediction = "p", Task = PerformanceTask.Regression }
            : new ModelColumns { Target = "y", Prediction = "p", PredictionScore = "s", Sensitive = ["sex"], Privileged = ["m"] };
        return ModelQuality.Evaluate(drift, withReference ? reference : null, current, columns);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void WritingWhatItReads_GivesTheSameJson(bool regression, bool withReference)
    {
        var report = Report(regression, withReference);
        var json = DriftReportJson.Serialize(report, includeHistograms: true);
        var read = DriftReportJsonReader.Read(json);

        Assert.Equal(json, DriftReportJson.Serialize(read, includeHistograms: true));
        Assert.Equal(report.Columns.Select(c => c.Histogram), read.Columns.Select(c => c.Histogram));
        Assert.Equal(report.Performance!.Current.Headline(), read.Performance!.Current.Headline());
        Assert.Equal(regression ? null : report.Fairness!.Single().Current.Groups, read.Fairness?.Single().Current.Groups);
    }

    [Fact]
    public void MulticlassScoresAndAverages_SurviveTheRoundTrip()
    {
        DriftTable Classes(int seed)
        {
            var random = new Random(seed);
            var n = 300;
            var y = Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray();
            var p = y.Select(v => random.NextDouble() < 0.7 ? v : random.Next(3)).ToArray();
            double[] Score(int cls) => p.Select(v => v == cls ? 0.5 + random.NextDouble() * 0.5 : random.NextDouble() * 0.5).ToArray();
            return new DriftTable([DriftColumn.FromLabels("y", y.Select(v => "c" + v).ToArray()), DriftColumn.FromLabels("p", p.Select(v => "c" + v).ToArray()),
                DriftColumn.FromNumbers("s0", Score(0)), DriftColumn.FromNumbers("s1", Score(1)), DriftColumn.FromNumbers("s2", Score(2))]);
        }

        var (reference, current) = (Classes(3), Classes(4));
        var drift = DriftEngine.Run(reference, current, new DriftOptions { Columns = ["s0"] });
        var columns = new ModelColumns
        {
            Target = "y", Prediction = "p", Task = PerformanceTask.Classification,
            ClassScores = [KeyValuePair.Create("c0", "s0"), KeyValuePair.Create("c1", "s1"), KeyValuePair.Create("c2", "s2")],
        };
        var report = ModelQuality.Evaluate(drift, reference, current, columns);
        Assert.NotNull(report.Performance!.Current.Classification!.MulticlassRocAuc);

        var json = DriftReportJson.Serialize(report);
        var read = DriftReportJsonReader.Read(json);

        Assert.Equal(json, DriftReportJson.Serialize(read));
        Assert.Equal(report.Performance.Current.Headline(), read.Performance!.Current.Headline());
        Assert.Equal(report.Performance.ClassScores, read.Performance.ClassScores);
    }

    [Fact]
    public void GroupCounts_AreRebuiltFromRates_InReportsWrittenWithoutThem()
    {
        var json = JsonNode.Parse(DriftReportJson.Serialize(Report(false, true)))!.AsObject();
        var groups = json["fairness"]!["sex"]!["current"]!["groups"]!.AsObject();
        foreach (var (_, group) in groups)
            foreach (var field in new[] { "true_positives", "false_positives", "positives", "negatives" }) group!.AsObject().Remove(field);

        var original = Report(false, true).Fairness!.Single().Current.Groups;
        Assert.Equal(original, DriftReportJsonReader.Read(json).Fairness!.Single().Current.Groups);
    }

    [Fact]
    public void ReportsWithoutModelSections_ReadWithout_AndNonReportsAreRefused()
    {
        var plain = DriftEngine.Run(Table(1, 0, false), Table(2, 0, false), new DriftOptions { Columns = ["x"] });
        var read = DriftReportJsonReader.Read(DriftReportJson.Serialize(plain));
        Assert.Null(read.Performance);
        Assert.Null(read.Fairness);
        Assert.Equal(plain.Columns.Single().DriftScore, read.Columns.Single().DriftScore);
        Assert.Contains("no 'columns'", Assert.Throws<DriftException>(() => DriftReportJsonReader.Read("{\"error\": \"x\"}")).Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", Assert.Throws<DriftException>(() => DriftReportJsonReader.Read("{")).Message, StringComparison.Ordinal);
        Assert.Contains("not an object", Assert.Throws<DriftException>(() => DriftReportJsonReader.Read("[1]")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReports_RenderTheirPerformanceAndFairness_Escaped()
    {
        foreach (var regression in new[] { false, true })
        {
            var read = DriftReportJsonReader.Read(DriftReportJson.Serialize(Report(regression, false), includeHistograms: true));
            using var stream = new MemoryStream();
            DriftReportHtml.Write(read, stream);
            var html = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains("id=\"performance\"", html, StringComparison.Ordinal);
            Assert.Contains(regression ? "<td>rmse</td>" : "<td>roc_auc</td>", html, StringComparison.Ordinal);
            Assert.Equal(!regression, html.Contains("id=\"fairness\"", StringComparison.Ordinal));
            Assert.DoesNotContain("<f&", html, StringComparison.Ordinal);
            Assert.DoesNotContain("x<&>", html, StringComparison.Ordinal);
        }
    }
}
