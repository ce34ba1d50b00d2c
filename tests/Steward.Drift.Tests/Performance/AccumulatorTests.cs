using Steward.Drift.Performance;

namespace Steward.Drift.Tests.Performance;

/// <summary>Hand-computed cases and the accumulators' refusals.</summary>
public sealed class AccumulatorTests
{
    [Fact]
    public void RocAuc_CountsTiesAsHalf()
    {
        // positives 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8>0.4) 1, (0.8>0.1) 1, (0.4=0.4) ½, (0.4>0.1) 1 → 3.5 / 4.
        var auc = new RocAucAccumulator();
        auc.Add(true, 0.8);
        auc.Add(true, 0.4);
        auc.Add(false, 0.4);
        auc.Add(false, 0.1);
        Assert.Equal(0.875, auc.Result().Value);
    }

    [Fact]
    public void BinnedRocAuc_IsExact_WhenNoBinHoldsBothClasses_AndBoundsTheRest()
    {
        var binned = new RocAucAccumulator(RocAucMode.Binned, bins: 10);
        binned.Add(true, 0.95);
        binned.Add(false, 0.05);
        binned.Add(true, 0.51);
        binned.Add(false, 0.59);   // same bin as 0.51: counted as a tie
        var auc = binned.Result();
        Assert.Equal(3.5 / 4, auc.Value);  // exact would be 3 / 4
        Assert.Equal(0.5 / 4, auc.ErrorBound);
        Assert.Equal(2, auc.Positives);
    }

    [Fact]
    public void Classification_WithoutScores_HasNoRocAuc_AndNumericLabelsCompareAsNumbers()
    {
        var accumulator = new ClassificationAccumulator("1");
        accumulator.Add("1.0", "1");
        accumulator.Add("0", "0.0");
        accumulator.Add("1", "0");
        var metrics = accumulator.Result();
        Assert.Null(metrics.RocAuc);
        Assert.Equal(2.0 / 3, metrics.Accuracy);
        Assert.Equal(1, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(["0", "1"], metrics.Classes.Select(c => c.Class));
        Assert.Equal(1, metrics.Confusion[("1", "0")]);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("01", "1")]
    [InlineData(" 7 ", "7")]
    [InlineData("-3", "-3")]
    [InlineData("1e3", "1000")]
    [InlineData("0.5", "0.5")]
    [InlineData(" yes ", "yes")]
    [InlineData("approved ", "approved")]
    [InlineData("nan", "nan")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("no", "no")]
    [InlineData("1234567890123456", "1234567890123456")]
    public void ClassLabels_AreNormalisedAsNumbersWhenTheyAreNumbers(string label, string expected) =>
        Assert.Equal(expected, ClassLabel.Normalize(label));

    [Fact]
    public void Refusals_AreClear()
    {
        var regression = new PerformanceAccumulator(PerformanceTask.Regression);
        Assert.Equal("no rows to measure", Assert.Throws<DriftException>(regression.Result).Message);
        Assert.Equal("a regression label must be a finite number, not 'abc'", Assert.Throws<DriftException>(() => regression.Add("abc", "1")).Message);
        Assert.Throws<DriftException>(() => regression.Add("1", "inf"));
        Assert.Throws<ArgumentException>(() => regression.Merge(new PerformanceAccumulator(PerformanceTask.Classification)));
        var classification = new PerformanceAccumulator(PerformanceTask.Classification);
        Assert.Throws<DriftException>(() => classification.Add("1", "1", double.NaN));
        Assert.Throws<ArgumentException>(() => new ClassificationAccumulator("1").Merge(new ClassificationAccumulator("yes")));
        Assert.Throws<ArgumentException>(() => new RocAucAccumulator(RocAucMode.Binned, 10).Merge(new RocAucAccumulator(RocAucMode.Binned, 20)));
    }

    [Fact]
    public void Regression_MergesLikeOnePass()
    {
        var whole = new RegressionAccumulator();
        var a = new RegressionAccumulator();
        var b = new RegressionAccumulator();
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var y = 1e6 + random.NextDouble();
            var p = y + random.NextDouble() - 0.3;
            whole.Add(y, p);
            (i < 300 ? a : b).Add(y, p);
        }
        a.Merge(b);
        var (x, m) = (whole.Result(), a.Result());
        Assert.Equal(x.MeanAbsoluteError, m.MeanAbsoluteError, 1e-12);
        Assert.Equal(x.RootMeanSquaredError, m.RootMeanSquaredError, 1e-12);
        Assert.Equal(x.R2, m.R2, 1e-9);
    }
}
