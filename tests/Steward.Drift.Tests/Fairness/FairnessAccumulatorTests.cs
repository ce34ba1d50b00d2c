using Steward.Drift.Fairness;

namespace Steward.Drift.Tests.Fairness;

/// <summary>Fairness from mergeable per-group counts equals <see cref="FairnessMetrics.Compute"/> on the rows.</summary>
public sealed class FairnessAccumulatorTests
{
    public static TheoryData<int, int, double> Shapes => new()
    {
        { 9, 2, 0.5 }, { 200, 3, 0.3 }, { 5000, 5, 0.1 }, { 40, 4, 0.95 }, { 3, 1, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MergedCounts_GiveTheSameMetricsAsTheRows(int rows, int groupCount, double positiveRate)
    {
        var random = new Random(rows * 31 + groupCount);
        var groups = Enumerable.Range(0, rows).Select(_ => "g" + random.Next(groupCount)).ToArray();
        var labels = groups.Select(_ => random.NextDouble() < positiveRate).ToArray();
        var predictions = labels.Select(l => random.NextDouble() < (l ? 0.8 : 0.2)).ToArray();
        var batches = new[] { new FairnessAccumulator("group"), new FairnessAccumulator("group"), new FairnessAccumulator("group") };
        for (var i = 0; i < rows; i++) batches[i % 3].Add(groups[i], labels[i], predictions[i]);
        batches[0].Merge(batches[1]);
        batches[0].Merge(batches[2]);

        foreach (var privileged in new[] { null, "g0" })
        {
            var expected = FairnessMetrics.Compute("group", groups, labels, predictions, privileged);
            var actual = batches[0].Result(privileged);
            Assert.Equal(expected.Groups, actual.Groups);
            Assert.Equal(expected.DemographicParityDifference, actual.DemographicParityDifference);
            Assert.Equal(expected.DemographicParityRatio, actual.DemographicParityRatio);
            Assert.Equal(expected.EqualizedOddsDifference, actual.EqualizedOddsDifference);
            Assert.Equal(expected.EqualizedOddsRatio, actual.EqualizedOddsRatio);
            Assert.Equal(expected.EqualOpportunityDifferenceAcrossGroups, actual.EqualOpportunityDifferenceAcrossGroups);
            Assert.Equal(expected.Privileged, actual.Privileged);
            Assert.Equal(expected.TheilIndex, actual.TheilIndex, 1e-12);
        }
    }

    [Fact]
    public void TheilIndex_FromCounts_MatchesHandComputation()
    {
        // b = [1, 0, 2, 1, 1]: μ = 1; Theil = (1/5)(3·1·ln 1 + 2 ln 2) = 0.4 ln 2.
        var counts = new FairnessAccumulator("g");
        foreach (var (label, prediction) in new[] { (true, true), (true, false), (false, true), (false, false), (true, true) })
            counts.Add("x", label, prediction);
        Assert.Equal(0.4 * Math.Log(2), counts.Result().TheilIndex, 1e-15);
    }

    [Fact]
    public void TextOutcomes_ComparePositiveAsNumbers()
    {
        var counts = new FairnessAccumulator("g", positiveClass: "1");
        counts.Add("x", "1.0", "1");
        counts.Add("x", "0", "yes");
        var group = Assert.Single(counts.Result().Groups);
        Assert.Equal(new GroupRates("x", 2, TruePositives: 1, FalsePositives: 0, Positives: 1, Negatives: 1), group);
    }

    [Fact]
    public void AllFalseNegatives_GiveTheilZero_AsTheRowsDo()
    {
        var counts = new FairnessAccumulator("g");
        counts.Add("x", true, false);
        counts.Add("x", true, false);
        Assert.Equal(0, counts.Result().TheilIndex);
        Assert.Equal(0, FairnessMetrics.Compute("g", ["x", "x"], [true, true], [false, false]).TheilIndex);
    }

    [Fact]
    public void UnknownPrivilegedGroup_AndEmptyCounts_AreRefused()
    {
        var counts = new FairnessAccumulator("sex");
        Assert.Equal("no rows to measure", Assert.Throws<DriftException>(() => counts.Result()).Message);
        counts.Add("f", true, true);
        Assert.Contains("'m' does not occur in 'sex'", Assert.Throws<DriftException>(() => counts.Result("m")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => counts.Merge(new FairnessAccumulator("age")));
    }
}
