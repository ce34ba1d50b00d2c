using Steward.Drift.Profiles;
using Steward.Drift.Tests.StatTests;

namespace Steward.Drift.Tests.Profiles;

/// <summary>Exact-mode profiles give exactly the raw-data results: every golden case, through a profile written and read back.</summary>
public sealed class ExactProfileTests
{
    public static TheoryData<string> CaseNames() => GoldenStatTestTests.CaseNames();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Golden_Case_Via_Profiles_Equals_Via_Tables(string name)
    {
        var golden = GoldenCase.All.Single(c => c.Name == name);
        var reference = new DriftTable([golden.Column(reference: true)]);
        var current = new DriftTable([golden.Column(reference: false)]);
        var options = new DriftOptions
        {
            StatTest = golden.StatTest,
            ColumnTypes = new Dictionary<string, ColumnType> { ["x"] = golden.ColumnType == "num" ? ColumnType.Numerical : ColumnType.Categorical },
        };
        var expected = Assert.Single(DriftEngine.Run(reference, current, options).Columns);
        var exact = new ProfileOptions { Mode = ProfileMode.Exact };
        var referenceProfile = RoundTrip(DriftProfile.FromTable(reference, exact));
        Assert.Equal(expected, Assert.Single(DriftEngine.Run(referenceProfile, current, options).Columns));
        Assert.Equal(expected, Assert.Single(DriftEngine.Run(referenceProfile, RoundTrip(DriftProfile.FromTable(current, exact)), options).Columns));
        var auto = RoundTrip(DriftProfile.FromTable(reference));
        Assert.Equal(expected, Assert.Single(DriftEngine.Run(auto, current, options).Columns));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Golden_Case_Default_Test_Via_Merged_Profiles_Equals_Via_Tables(string name)
    {
        var golden = GoldenCase.All.Single(c => c.Name == name);
        var referenceColumn = golden.Column(reference: true);
        var reference = new DriftTable([referenceColumn]);
        var current = new DriftTable([golden.Column(reference: false)]);
        var expected = Assert.Single(DriftEngine.Run(reference, current).Columns);
        var half = referenceColumn.Length / 2;
        var first = new DriftTable([Slice(referenceColumn, 0, half)]);
        var second = new DriftTable([Slice(referenceColumn, half, referenceColumn.Length)]);
        var merged = DriftProfile.FromTable(first).Merge(DriftProfile.FromTable(second));
        Assert.Equal(reference.RowCount, merged.RowCount);
        Assert.Equal(expected, Assert.Single(DriftEngine.Run(merged, current).Columns));
    }

    internal static DriftProfile RoundTrip(DriftProfile profile)
    {
        using var stream = new MemoryStream();
        profile.WriteTo(stream);
        stream.Position = 0;
        return DriftProfile.ReadFrom(stream);
    }

    private static DriftColumn Slice(DriftColumn column, int from, int to) => column.Numbers is { } numbers
        ? DriftColumn.FromNumbers(column.Name, numbers[from..to])
        : DriftColumn.FromLabels(column.Name, column.Labels![from..to]);
}
