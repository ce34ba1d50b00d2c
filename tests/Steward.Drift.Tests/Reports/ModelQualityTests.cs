using System.Text.Json;
using Steward.Drift.Performance;
using Steward.Drift.Reports;

namespace Steward.Drift.Tests.Reports;

public sealed class ModelQualityTests
{
    private static DriftTable Table(double[] target, double[] prediction, string?[] sex, double[]? score = null)
    {
        var columns = new List<DriftColumn> { DriftColumn.FromNumbers("y", target), DriftColumn.FromNumbers("p", prediction), DriftColumn.FromLabels("sex", sex) };
        if (score is not null) columns.Add(DriftColumn.FromNumbers("s", score));
        return new DriftTable(columns);
    }

    private static DriftReport Empty() => DriftEngine.Run(new DriftTable([]), new DriftTable([]));

    [Fact]
    public void Classification_MeasuresBothSides_SkipsMissingRows_AndReportsTheChange()
    {
        var reference = Table([1, 0, 1, 0], [1, 0, 1, 0], ["f", "m", "f", "m"], [0.9, 0.1, 0.8, 0.2]);
        var current = Table([1, 0, 1, double.NaN, 0], [1, 1, 0, 1, 0], ["f", "m", "f", "m", "m"], [0.9, 0.6, 0.3, 0.5, 0.1]);
        var report = ModelQuality.Evaluate(Empty(), reference, current,
            new ModelColumns { Target = "y", Prediction = "p", PredictionScore = "s", Sensitive = ["sex"], Privileged = ["m"] });

        var performance = report.Performance!;
        Assert.Equal(PerformanceTask.Classification, performance.Task);
        Assert.Equal(1, performance.CurrentSkippedRows);
        Assert.Equal(1.0, performance.Reference!.Classification!.Accuracy);
        Assert.Equal(0.5, performance.Current.Classification!.Accuracy);
        Assert.Equal(-0.5, performance.Changes().Single(c => c.Name == "accuracy").Change);
        Assert.Equal(0.75, performance.Current.Classification.RocAuc!.Value);   // positives .9 .3, negatives .6 .1

        var fairness = Assert.Single(report.Fairness!);
        Assert.Equal("m", fairness.Privileged);
        Assert.Equal(0.5, fairness.Current.Groups.Single(g => g.Group == "f").SelectionRate);
        Assert.NotNull(fairness.Reference);

        using var json = JsonDocument.Parse(DriftReportJson.Serialize(report));
        var p = json.RootElement.GetProperty("performance");
        Assert.Equal("classification", p.GetProperty("task").GetString());
        Assert.Equal(-0.5, p.GetProperty("change").GetProperty("accuracy").GetDouble());
        Assert.Equal(1, p.GetProperty("current").GetProperty("skipped_rows").GetInt32());
        Assert.Equal(2, p.GetProperty("current").GetProperty("classes").GetProperty("1").GetProperty("support").GetInt32());
        var sex = json.RootElement.GetProperty("fairness").GetProperty("sex");
        Assert.Equal("m", sex.GetProperty("current").GetProperty("privileged").GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Object, sex.GetProperty("reference").ValueKind);
    }

    [Fact]
    public void Task_IsInferred_FromScoresAndTargetValues()
    {
        var manyValues = Table([1.5, 2, 3, 4, 5, 6.5], [1, 2, 3, 4, 5, 6], ["a", "a", "a", "b", "b", "b"]);
        var binary = Table([1, 0, 1, 0, 1, 0], [1, 0, 0, 0, 1, 1], ["a", "a", "a", "b", "b", "b"]);
        var columns = new ModelColumns { Target = "y", Prediction = "p" };
        Assert.Equal(PerformanceTask.Regression, ModelQuality.InferTask(null, manyValues, columns));
        Assert.Equal(PerformanceTask.Classification, ModelQuality.InferTask(null, binary, columns));
        Assert.Equal(PerformanceTask.Classification, ModelQuality.InferTask(null, manyValues, columns with { PredictionScore = "y" }));
        var labels = new DriftTable([DriftColumn.FromLabels("y", ["a", "b"]), DriftColumn.FromLabels("p", ["a", "a"])]);
        Assert.Equal(PerformanceTask.Classification, ModelQuality.InferTask(null, labels, columns));

        var regression = ModelQuality.Evaluate(Empty(), null, manyValues, columns).Performance!;
        Assert.Null(regression.Reference);
        Assert.Equal(1.0 / 6, regression.Current.Regression!.MeanAbsoluteError, 12);
        Assert.All(regression.Changes(), c => Assert.True(double.IsNaN(c.Change)));
    }

    [Fact]
    public void BadRequests_AreRefusedWithClearMessages()
    {
        var table = Table([1, 0], [1, 0], ["a", "b"]);
        var columns = new ModelColumns { Target = "y", Prediction = "p" };
        string Error(ModelColumns c, DriftTable? reference = null) => Assert.Throws<DriftException>(() => ModelQuality.Evaluate(Empty(), reference, table, c)).Message;
        Assert.Equal("column 'z' is not in the current data", Error(columns with { Target = "z" }));
        Assert.Equal("column 'sex' in the current data must hold numbers (scores)", Error(columns with { PredictionScore = "sex" }));
        Assert.Equal("fairness metrics need a classification task, and the task is regression", Error(columns with { Task = PerformanceTask.Regression, Sensitive = ["sex"] }));
        Assert.Equal("give one privileged value per sensitive column (1), not 2", Error(columns with { Sensitive = ["sex"], Privileged = ["a", "b"] }));
        Assert.Equal("current data: the privileged value 'x' does not occur in 'sex'", Error(columns with { Sensitive = ["sex"], Privileged = ["x"] }));
        var missing = Table([double.NaN, double.NaN], [1, 0], ["a", "b"]);
        Assert.Equal("the current data has no row with both 'y' and 'p'",
            Assert.Throws<DriftException>(() => ModelQuality.Evaluate(Empty(), null, missing, columns)).Message);
    }

    [Fact]
    public void Files_GiveTheSameSections_AsTables_AndAProfileReferenceMeasuresTheCurrentOnly()
    {
        var directory = Directory.CreateTempSubdirectory("steward-model-quality-").FullName;
        try
        {
            var reference = Path.Combine(directory, "ref.csv");
            var current = Path.Combine(directory, "cur.jsonl");
            File.WriteAllText(reference, "y,p,sex\n1,1,f\n0,0,m\n1,0,f\n0,,m\n");
            File.WriteAllLines(current, ["{\"y\": 1, \"p\": 1, \"sex\": \"m\"}", "{\"y\": 0, \"p\": 1, \"sex\": \"f\"}"]);
            var columns = new ModelColumns { Target = "y", Prediction = "p", Sensitive = ["sex"] };
            var both = ModelQuality.EvaluateFiles(Empty(), reference, current, columns);
            Assert.Equal(2.0 / 3, both.Performance!.Reference!.Classification!.Accuracy, 12);
            Assert.Equal(1, both.Performance.ReferenceSkippedRows);
            Assert.Equal(0.5, both.Performance.Current.Classification!.Accuracy);
            var currentOnly = ModelQuality.EvaluateFiles(Empty(), null, current, columns);
            Assert.Null(currentOnly.Performance!.Reference);
            Assert.Null(Assert.Single(currentOnly.Fairness!).Reference);
            Assert.Equal(both.Performance.Current.Headline(), currentOnly.Performance.Current.Headline());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
