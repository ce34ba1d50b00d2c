using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>Issue 6's bad input, through tables and profiles alike: schema changes per column, tiny windows, constant and all-NaN columns.</summary>
public sealed class BadInputTests
{
    private static readonly DriftTable Reference = new(
    [
        DriftColumn.FromNumbers("kept", SketchData.Sample("normal", 2000, 1)),
        DriftColumn.FromNumbers("gone", SketchData.Sample("normal", 2000, 2)),
        DriftColumn.FromNumbers("retyped", SketchData.Sample("integers", 2000, 3)),
    ]);

    private static readonly DriftTable Current = new(
    [
        DriftColumn.FromNumbers("kept", SketchData.Sample("normal", 500, 4)),
        DriftColumn.FromLabels("retyped", Enumerable.Range(0, 500).Select(i => "code" + (i % 3)).ToArray()),
        DriftColumn.FromLabels("new", Enumerable.Repeat("x", 500).ToArray()),
    ]);

    public static TheoryData<bool> ViaProfile() => new(false, true);

    [Theory]
    [MemberData(nameof(ViaProfile))]
    public void Schema_Changes_Are_Reported_Per_Column(bool viaProfile)
    {
        var report = viaProfile ? DriftEngine.Run(DriftProfile.FromTable(Reference), Current) : DriftEngine.Run(Reference, Current);
        Assert.Equal(3, report.NumberOfColumns);
        Assert.Null(report.Columns[0].Note);
        Assert.Equal(("missing in the current data", false, 2000, 0), (report.Columns[1].Note, report.Columns[1].DriftDetected, report.Columns[1].ReferenceSize, report.Columns[1].CurrentSize));
        Assert.Equal("type changed: numbers in the reference, labels in the current data; compared as categories", report.Columns[2].Note);
        Assert.Equal((ColumnType.Categorical, true), (report.Columns[2].ColumnType, report.Columns[2].DriftDetected));
        Assert.Equal(["new"], report.ExtraColumns);
        var json = DriftReportJson.Serialize(report);
        Assert.Contains("\"extra_columns\": [\n    \"new\"\n  ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"note\": \"missing in the current data\"", json, StringComparison.Ordinal);

        var forced = new DriftOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["retyped"] = ColumnType.Numerical } };
        var notCompared = (viaProfile ? DriftEngine.Run(DriftProfile.FromTable(Reference), Current, forced) : DriftEngine.Run(Reference, Current, forced)).Columns[2];
        Assert.Equal(("type changed: numbers in the reference, labels in the current data; not compared", false), (notCompared.Note, notCompared.DriftDetected));
        Assert.True(double.IsNaN(notCompared.DriftScore));
    }

    [Theory]
    [MemberData(nameof(ViaProfile))]
    public void Tiny_And_Empty_Windows_Are_Insufficient_Data(bool viaProfile)
    {
        var options = new DriftOptions { MinimumSampleSize = 30 };
        var tiny = new DriftTable([DriftColumn.FromNumbers("kept", [5, 6, 7, double.NaN]), DriftColumn.FromNumbers("gone", [double.NaN, double.NaN, double.NaN, double.NaN]), DriftColumn.FromNumbers("retyped", [1, 2, double.NaN, double.NaN])]);
        var report = viaProfile ? DriftEngine.Run(DriftProfile.FromTable(Reference), tiny, options) : DriftEngine.Run(Reference, tiny, options);
        Assert.All(report.Columns, c => Assert.Equal(("insufficient data", false), (c.Note, c.DriftDetected)));
        Assert.Equal(3, report.Columns[0].CurrentSize);
        Assert.False(report.DatasetDrift);
        var empty = new DriftTable([DriftColumn.FromNumbers("kept", []), DriftColumn.FromNumbers("gone", []), DriftColumn.FromNumbers("retyped", [])]);
        Assert.All(DriftEngine.Run(Reference, empty).Columns, c => Assert.Equal(("insufficient data", false), (c.Note, c.DriftDetected)));
        Assert.Contains("at least 1", Assert.Throws<DriftException>(() => DriftEngine.Run(Reference, tiny, new DriftOptions { MinimumSampleSize = 0 })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProfileMode.Exact)]
    [InlineData(ProfileMode.Sketch)]
    public void Constant_And_All_NaN_Columns_Are_Handled(ProfileMode mode)
    {
        var reference = new DriftTable([DriftColumn.FromNumbers("constant", Enumerable.Repeat(3.0, 2000).ToArray()), DriftColumn.FromNumbers("nan", Enumerable.Repeat(double.NaN, 2000).ToArray())]);
        var current = new DriftTable([DriftColumn.FromNumbers("constant", Enumerable.Repeat(3.0, 500).ToArray()), DriftColumn.FromNumbers("nan", SketchData.Sample("normal", 500, 9))]);
        var expected = DriftEngine.Run(reference, current);
        var profile = ExactProfileTests.RoundTrip(DriftProfile.FromTable(reference, new ProfileOptions { Mode = mode }));
        Assert.Equal(2000, profile.Find("nan")!.MissingCount);
        Assert.True(double.IsNaN(profile.Find("nan")!.Mean));
        Assert.Equal(expected.Columns, DriftEngine.Run(profile, current).Columns);
        Assert.Equal("insufficient data", expected.Columns[1].Note);
    }
}
