using Steward.Drift.Fairness;

namespace Steward.Drift.Tests.Fairness;

/// <summary>
/// Hand-computed example. Group A: (y, ŷ) = (1,1), (1,0), (0,1), (0,0): selection 0.5, TPR 0.5, FPR 0.5.
/// Group B: (1,1), (1,1), (0,0), (0,0), (0,1): selection 0.6, TPR 1, FPR 1/3.
/// </summary>
public sealed class FairnessMetricsTests
{
    private static readonly string[] Groups = ["A", "A", "A", "A", "B", "B", "B", "B", "B"];
    private static readonly bool[] Labels = [true, true, false, false, true, true, false, false, false];
    private static readonly bool[] Predictions = [true, false, true, false, true, true, false, false, true];

    [Fact]
    public void Fairlearn_Differences_And_Ratios_Match_Hand_Computation()
    {
        var report = FairnessMetrics.Compute("group", Groups, Labels, Predictions);
        Assert.Equal(0.1, report.DemographicParityDifference, 12);          // 0.6 − 0.5
        Assert.Equal(0.5 / 0.6, report.DemographicParityRatio, 12);
        Assert.Equal(0.5, report.EqualOpportunityDifferenceAcrossGroups, 12); // TPR 1 − 0.5
        Assert.Equal(0.5, report.EqualOpportunityRatio, 12);
        Assert.Equal(0.5, report.EqualizedOddsDifference, 12);               // max(0.5, 0.5 − 1/3)
        Assert.Equal(0.5, report.EqualizedOddsRatio, 12);                    // min(0.5, (1/3) / 0.5)
        Assert.Null(report.Privileged);
    }

    [Fact]
    public void Aif360_Comparisons_Use_The_Privileged_Group()
    {
        var p = FairnessMetrics.Compute("group", Groups, Labels, Predictions, privileged: "B").Privileged!;
        Assert.Equal(0.5 / 0.6, p.DisparateImpact, 12);
        Assert.True(p.FourFifthsRulePasses);                                  // 0.833 ≥ 0.8
        Assert.Equal(-0.1, p.StatisticalParityDifference, 12);
        Assert.Equal(0.5 * ((0.5 - 1.0 / 3) + (0.5 - 1)), p.AverageOddsDifference, 12);
        Assert.Equal(-0.5, p.EqualOpportunityDifference, 12);
        var a = FairnessMetrics.Compute("group", Groups, Labels, Predictions, privileged: "A").Privileged!;
        Assert.Equal(1.2, a.DisparateImpact, 12);
    }

    [Fact]
    public void Theil_Index_Matches_Hand_Computation()
    {
        // b = ŷ − y + 1 = [1, 0, 2, 1, 1, 1, 1, 1, 2]; μ = 10/9; six b = 1, two b = 2, one b = 0.
        var expected = (6 * 0.9 * Math.Log(0.9) + 2 * 1.8 * Math.Log(1.8)) / 9;
        Assert.Equal(expected, FairnessMetrics.Compute("group", Groups, Labels, Predictions).TheilIndex, 12);
    }

    [Fact]
    public void Four_Fifths_Rule_Fails_Below_Point_Eight()
    {
        string[] groups = ["m", "m", "m", "m", "f", "f", "f", "f"];
        bool[] labels = [true, true, true, true, true, true, true, true];
        bool[] predictions = [true, true, true, true, true, true, false, false];
        var p = FairnessMetrics.Compute("sex", groups, labels, predictions, "m").Privileged!;
        Assert.Equal(0.5, p.DisparateImpact, 12);
        Assert.False(p.FourFifthsRulePasses);
    }

    [Fact]
    public void Group_Without_Negatives_Has_Undefined_Fpr_Skipped_In_Differences()
    {
        string[] groups = ["x", "x", "y", "y"];
        bool[] labels = [true, true, true, false];
        bool[] predictions = [true, false, true, true];
        var report = FairnessMetrics.Compute("g", groups, labels, predictions);
        Assert.True(double.IsNaN(report.Groups[0].FalsePositiveRate));
        Assert.Equal(0.5, report.EqualizedOddsDifference, 12); // TPR 1 − 0.5; FPR defined only for y
    }

    [Fact]
    public void Unknown_Privileged_Value_Is_Refused()
    {
        var error = Assert.Throws<DriftException>(() => FairnessMetrics.Compute("group", Groups, Labels, Predictions, "C"));
        Assert.Contains("'C' does not occur", error.Message, StringComparison.Ordinal);
    }
}
