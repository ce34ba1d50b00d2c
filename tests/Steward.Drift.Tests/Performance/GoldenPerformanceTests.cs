using Steward.Drift.Performance;

namespace Steward.Drift.Tests.Performance;

/// <summary>Accumulated metrics against scikit-learn's, whole and merged from batches.</summary>
public sealed class GoldenPerformanceTests
{
    public static TheoryData<string> Classification => PerformanceCase.Names("classification");

    public static TheoryData<string> Regression => PerformanceCase.Names("regression");

    [Theory]
    [MemberData(nameof(Classification))]
    public void Classification_MatchesScikitLearn_WholeAndMerged(string name)
    {
        var golden = PerformanceCase.Get(name);
        foreach (var metrics in new[] { Accumulate(golden, 1), Accumulate(golden, 3) })
        {
            var c = metrics.Classification!;
            Assert.Equal(golden.Labels.Length, c.Count);
            Close(golden.Value("accuracy"), c.Accuracy);
            Close(golden.Value("precision"), c.Precision);
            Close(golden.Value("recall"), c.Recall);
            Close(golden.Value("f1"), c.F1);
            Close(golden.Value("macro_precision"), c.MacroPrecision);
            Close(golden.Value("macro_recall"), c.MacroRecall);
            Close(golden.Value("macro_f1"), c.MacroF1);
            var classes = golden.Expected.GetProperty("classes");
            Assert.Equal(classes.EnumerateObject().Count(), c.Classes.Count);
            foreach (var cls in c.Classes)
            {
                var expected = classes.GetProperty(cls.Class).EnumerateArray().Select(v => v.GetDouble()).ToArray();
                Close(expected[0], cls.Precision);
                Close(expected[1], cls.Recall);
                Close(expected[2], cls.F1);
                Assert.Equal((long)expected[3], cls.Support);
            }
            Close(golden.Value("roc_auc"), c.RocAuc!.Value);
            Assert.Equal(0, c.RocAuc.ErrorBound);
        }
    }

    [Theory]
    [MemberData(nameof(Classification))]
    public void BinnedRocAuc_StaysWithinItsReportedBound(string name)
    {
        var golden = PerformanceCase.Get(name);
        var auc = Accumulate(golden, 2, RocAucMode.Binned).Classification!.RocAuc!;
        if (golden.Value("roc_auc") is not { } exact)
        {
            Assert.True(double.IsNaN(auc.Value));
            return;
        }
        Assert.InRange(Math.Abs(auc.Value - exact), 0, auc.ErrorBound + 1e-12);
    }

    [Theory]
    [MemberData(nameof(Regression))]
    public void Regression_MatchesScikitLearn_WholeAndMerged(string name)
    {
        var golden = PerformanceCase.Get(name);
        foreach (var metrics in new[] { Accumulate(golden, 1), Accumulate(golden, 4) })
        {
            var r = metrics.Regression!;
            Close(golden.Value("mean_error"), r.MeanError, 1e-9);
            Close(golden.Value("mae"), r.MeanAbsoluteError, 1e-9);
            Close(golden.Value("rmse"), r.RootMeanSquaredError, 1e-9);
            Close(golden.Value("r2"), r.R2, 1e-9);
        }
    }

    /// <summary>Splits the rows into <paramref name="batches"/> accumulators and merges them.</summary>
    private static PerformanceMetrics Accumulate(PerformanceCase golden, int batches, RocAucMode mode = RocAucMode.Exact)
    {
        var task = golden.Task == "regression" ? PerformanceTask.Regression : PerformanceTask.Classification;
        var parts = Enumerable.Range(0, batches).Select(_ => new PerformanceAccumulator(task, golden.Positive ?? "1", mode)).ToArray();
        for (var i = 0; i < golden.Labels.Length; i++)
            parts[i * batches / golden.Labels.Length].Add(golden.Labels[i], golden.Predictions[i], golden.Scores?[i]);
        for (var i = 1; i < batches; i++) parts[0].Merge(parts[i]);
        return parts[0].Result();
    }

    private static void Close(double? expected, double actual, double relative = 1e-12)
    {
        var e = expected ?? double.NaN;   // null in the fixture: undefined in scikit-learn
        if (double.IsNaN(e))
        {
            Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }
        Assert.True(Math.Abs(e - actual) <= relative * Math.Max(1, Math.Abs(e)), $"expected {e:R}, got {actual:R}");
    }
}
