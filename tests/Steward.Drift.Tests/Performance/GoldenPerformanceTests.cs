using Steward.Drift.Performance;

namespace Steward.Drift.Tests.Performance;

/// <summary>Accumulated metrics against scikit-learn's, whole and merged from batches.</summary>
public sealed class GoldenPerformanceTests
{
    public static TheoryData<string> Classification => PerformanceCase.Names("classification");

    public static TheoryData<string> Regression => PerformanceCase.Names("regression");

    public static TheoryData<string> Multiclass => PerformanceCase.Names("multiclass");

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
            Averages(golden, c);
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
    [MemberData(nameof(Multiclass))]
    public void MulticlassRocAuc_MatchesScikitLearn_WholeAndMerged_AndSurvivesItsState(string name)
    {
        var golden = PerformanceCase.Get(name);
        var restored = PerformanceAccumulator.FromJson(Parts(golden, 1, RocAucMode.Exact)[0].ToJson()).Result();
        foreach (var metrics in new[] { Accumulate(golden, 1), Accumulate(golden, 4), restored })
        {
            var c = metrics.Classification!;
            Close(golden.Value("accuracy"), c.Accuracy);
            Close(golden.Value("macro_f1"), c.MacroF1);
            Averages(golden, c);
            var auc = c.MulticlassRocAuc!;
            Assert.Equal(golden.Labels.Length, auc.Rows);
            Close(golden.Value("roc_auc_ovr"), auc.OneVsRest);
            Close(golden.Value("roc_auc_ovr_weighted"), auc.OneVsRestWeighted);
            Close(golden.Value("roc_auc_ovo"), auc.OneVsOne);
            Close(golden.Value("roc_auc_ovo_weighted"), auc.OneVsOneWeighted);
            var perClass = golden.Expected.GetProperty("roc_auc_per_class");
            foreach (var (cls, value) in auc.PerClass)
                Close(perClass.GetProperty(cls).ValueKind == System.Text.Json.JsonValueKind.Null ? null : perClass.GetProperty(cls).GetDouble(), value);
            Assert.Equal(0, auc.ErrorBound);
        }
        var binned = Accumulate(golden, 3, RocAucMode.Binned).Classification!.MulticlassRocAuc!;
        foreach (var (key, value) in new[] { ("roc_auc_ovr", binned.OneVsRest), ("roc_auc_ovr_weighted", binned.OneVsRestWeighted), ("roc_auc_ovo", binned.OneVsOne), ("roc_auc_ovo_weighted", binned.OneVsOneWeighted) })
        {
            if (golden.Value(key) is { } exact) Assert.InRange(Math.Abs(value - exact), 0, binned.ErrorBound + 1e-12);
            else Assert.True(double.IsNaN(value));
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

    private static void Averages(PerformanceCase golden, ClassificationMetrics c)
    {
        Close(golden.Value("weighted_precision"), c.WeightedPrecision);
        Close(golden.Value("weighted_recall"), c.WeightedRecall);
        Close(golden.Value("weighted_f1"), c.WeightedF1);
        Close(golden.Value("micro_precision"), c.MicroPrecision);
        Close(golden.Value("micro_recall"), c.MicroRecall);
        Close(golden.Value("micro_f1"), c.MicroF1);
    }

    /// <summary>Splits the rows into <paramref name="batches"/> accumulators and merges them.</summary>
    private static PerformanceMetrics Accumulate(PerformanceCase golden, int batches, RocAucMode mode = RocAucMode.Exact)
    {
        var parts = Parts(golden, batches, mode);
        for (var i = 1; i < batches; i++) parts[0].Merge(parts[i]);
        return parts[0].Result();
    }

    private static PerformanceAccumulator[] Parts(PerformanceCase golden, int batches, RocAucMode mode)
    {
        var task = golden.Task == "regression" ? PerformanceTask.Regression : PerformanceTask.Classification;
        var parts = Enumerable.Range(0, batches).Select(_ => golden.ScoreClasses is { } classes
            ? new PerformanceAccumulator(golden.Positive ?? "1", classes, mode)
            : new PerformanceAccumulator(task, golden.Positive ?? "1", mode)).ToArray();
        for (var i = 0; i < golden.Labels.Length; i++)
        {
            var part = parts[i * batches / golden.Labels.Length];
            if (golden.ClassScores is { } matrix) part.Add(golden.Labels[i], golden.Predictions[i], matrix[i]);
            else part.Add(golden.Labels[i], golden.Predictions[i], golden.Scores?[i]);
        }
        return parts;
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
