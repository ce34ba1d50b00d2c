namespace Steward.Drift.Tests.StatTests;

/// <summary>
/// Every test agrees with SciPy to 1e-6 relative on the generated golden cases (sizes around the exact/asymptotic
/// switches, ties, tiny samples, NaN and infinities, labels, skew). Values below 1e-14 in absolute terms count as equal,
/// since both sides are then at the limit of double precision.
/// </summary>
public sealed class GoldenStatTestTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenCase.All) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Score_And_Statistic_Agree_With_SciPy(string name)
    {
        var golden = GoldenCase.All.Single(c => c.Name == name);
        var result = Run(golden);
        if (golden.Score is { } score) AssertClose(score, result.DriftScore, "score");
        if (golden.Statistic is { } statistic && !IsRandomised(golden.StatTest))
        {
            Assert.NotNull(result.Statistic);
            AssertClose(golden.StatTest == "z" ? Math.Abs(statistic) : statistic, golden.StatTest == "z" ? Math.Abs(result.Statistic.Value) : result.Statistic.Value, "statistic");
        }
        if (golden.Statistic is { } distance && IsRandomised(golden.StatTest))
            AssertClose(distance, result.Statistic!.Value, "statistic");
    }

    private static bool IsRandomised(string test) => test is "TVD" or "empirical_mmd";

    internal static ColumnDriftResult Run(GoldenCase golden)
    {
        var reference = new DriftTable([golden.Column(reference: true)]);
        var current = new DriftTable([golden.Column(reference: false)]);
        var options = new DriftOptions
        {
            StatTest = golden.StatTest,
            ColumnTypes = new Dictionary<string, ColumnType> { ["x"] = golden.ColumnType == "num" ? ColumnType.Numerical : ColumnType.Categorical },
        };
        return Assert.Single(DriftEngine.Run(reference, current, options).Columns);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var difference = Math.Abs(expected - actual);
        var ok = difference <= 1e-6 * Math.Max(Math.Abs(expected), Math.Abs(actual)) || difference <= 1e-14;
        Assert.True(ok, $"{what}: SciPy {expected:R}, Steward {actual:R}");
    }
}
