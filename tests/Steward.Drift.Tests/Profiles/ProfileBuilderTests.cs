using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>Building profiles: batches with schema checks, the per-value path, modes, merges, the category cap.</summary>
public sealed class ProfileBuilderTests
{
    [Fact]
    public void Batches_Must_Keep_The_Schema()
    {
        var builder = new ProfileBuilder();
        builder.Add(new DriftTable([DriftColumn.FromNumbers("a", [1, 2]), DriftColumn.FromLabels("b", ["x", "y"])]));
        Assert.Contains("column 'b' holds numbers in this batch and labels in the earlier batches",
            Assert.Throws<DriftException>(() => builder.Add(new DriftTable([DriftColumn.FromNumbers("a", [1]), DriftColumn.FromNumbers("b", [1])]))).Message, StringComparison.Ordinal);
        Assert.Contains("column 'b' of the earlier batches is missing",
            Assert.Throws<DriftException>(() => builder.Add(new DriftTable([DriftColumn.FromNumbers("a", [1])]))).Message, StringComparison.Ordinal);
        Assert.Contains("column 'c' is not in the earlier batches",
            Assert.Throws<DriftException>(() => builder.Add(new DriftTable([DriftColumn.FromNumbers("a", [1]), DriftColumn.FromLabels("b", ["x"]), DriftColumn.FromNumbers("c", [1])]))).Message, StringComparison.Ordinal);
        builder.Add(new DriftTable([DriftColumn.FromLabels("b", ["z"]), DriftColumn.FromNumbers("a", [3])]));
        var profile = builder.ToProfile();
        Assert.Equal(3, profile.RowCount);
        Assert.Equal([1.0, 2, 3], profile.Find("a")!.ExactValues);
    }

    [Fact]
    public void Per_Value_Path_Counts_Rows_Without_A_Column_As_Missing()
    {
        var builder = new ProfileBuilder();
        var a = builder.AddColumn("a", ProfileColumnKind.Numbers);
        builder.AddNumber(a, 1.5);
        builder.EndRow();
        var b = builder.AddColumn("b", ProfileColumnKind.Labels);
        builder.AddNumber(a, double.PositiveInfinity);
        builder.AddLabel(b, "x".AsSpan());
        builder.EndRow();
        builder.AddLabel(b, "x");
        builder.EndRow();
        var profile = builder.ToProfile();
        Assert.Equal(3, profile.RowCount);
        Assert.Equal((1L, 2L), (profile.Find("a")!.Count, profile.Find("a")!.MissingCount));
        Assert.Equal((2L, 1L, 2L), (profile.Find("b")!.Count, profile.Find("b")!.MissingCount, profile.Find("b")!.Categories!["x"]));
        Assert.Contains("holds numbers, not labels", Assert.Throws<DriftException>(() => builder.AddColumn("a", ProfileColumnKind.Labels)).Message, StringComparison.Ordinal);
        builder.AddNumber(a, 1);
        builder.AddNumber(a, 2);
        Assert.Contains("column 'a' has 5 values for 3 rows", Assert.Throws<DriftException>(builder.ToProfile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moments_Merge_Exactly_And_Auto_Mode_Turns_Into_A_Sketch_Past_The_Limit()
    {
        var values = SketchData.Sample("exponential", 3000, 5);
        var options = new ProfileOptions { ExactLimit = 2000 };
        var first = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", values[..1500])]), options);
        var second = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", values[1500..])]), options);
        Assert.NotNull(first.Columns[0].ExactValues);
        var merged = first.Merge(second).Columns[0];
        Assert.True(merged.IsSketch);
        var mean = values.Average();
        Assert.Equal(mean, merged.Mean, 1e-12);
        Assert.Equal(values.Sum(v => (v - mean) * (v - mean)) / values.Length, merged.Variance, 1e-10);
        Assert.Equal((values.Min(), values.Max(), 3000L), (merged.Min, merged.Max, merged.Count));
    }

    [Fact]
    public void Merging_Profiles_Of_Other_Columns_Names_The_Column()
    {
        var a = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", [1]), DriftColumn.FromNumbers("y", [1])]));
        var b = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", [1]), DriftColumn.FromLabels("y", ["a"])]));
        var c = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", [1])]));
        Assert.Contains("column 'y' holds numbers in one profile and labels in the other", Assert.Throws<DriftException>(() => a.Merge(b)).Message, StringComparison.Ordinal);
        Assert.Contains("column 'y' is only in one of the profiles", Assert.Throws<DriftException>(() => a.Merge(c)).Message, StringComparison.Ordinal);
        Assert.Contains("column 'y' is only in one of the profiles", Assert.Throws<DriftException>(() => c.Merge(a)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_Beyond_The_Cap_Count_As_Other_And_Compare_As_One_Category()
    {
        var options = new ProfileOptions { MaxCategories = 3 };
        var labels = Enumerable.Range(0, 1000).Select(i => "v" + (i % 10)).ToArray();
        var profile = DriftProfile.FromTable(new DriftTable([DriftColumn.FromLabels("c", labels)]), options);
        var column = profile.Columns[0];
        Assert.Equal((3, 700L, false), (column.Categories!.Count, column.OtherCount, column.IsExact));
        var merged = profile.Merge(profile).Columns[0];
        Assert.Equal((3, 1400L), (merged.Categories!.Count, merged.OtherCount));
        var report = DriftEngine.Run(profile, new DriftTable([DriftColumn.FromLabels("c", labels)])).Columns[0];
        Assert.Equal(("chisquare", false, 1.0), (report.StatTestName, report.DriftDetected, report.DriftScore));
        var shifted = labels.Select(l => l == "v9" ? "v0" : l).ToArray();
        Assert.True(DriftEngine.Run(profile, new DriftTable([DriftColumn.FromLabels("c", shifted)])).Columns[0].DriftDetected);
    }

    [Theory]
    [InlineData(-1, 1000, 1, "exact limit")]
    [InlineData(10, 4, 1, "between 8 and 65535")]
    [InlineData(10, 1000, 0, "category cap")]
    public void Bad_Options_Are_Refused(int exactLimit, int k, int categories, string message)
    {
        var options = new ProfileOptions { ExactLimit = exactLimit, SketchK = k, MaxCategories = categories };
        Assert.Contains(message, Assert.Throws<DriftException>(() => new ProfileBuilder(options)).Message, StringComparison.Ordinal);
    }
}
