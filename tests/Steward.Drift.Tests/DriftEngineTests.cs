using System.Text.Json;

namespace Steward.Drift.Tests;

public sealed class DriftEngineTests
{
    private static DriftTable Table(params DriftColumn[] columns) => new(columns);

    private static double[] Normal(int n, double shift, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => shift + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
    }

    [Theory]
    [InlineData(1000, 6, "ks")]
    [InlineData(1000, 5, "chisquare")]
    [InlineData(1000, 3, "chisquare")]
    [InlineData(1000, 2, "z")]
    [InlineData(1001, 6, "wasserstein")]
    [InlineData(1001, 5, "jensenshannon")]
    [InlineData(1001, 2, "jensenshannon")]
    public void Default_Test_Follows_Reference_Size_And_Distinct_Values(int rows, int distinct, string expected)
    {
        var reference = Enumerable.Range(0, rows).Select(i => (double)(i % distinct)).ToArray();
        var current = Enumerable.Range(0, 50).Select(i => (double)(i % distinct)).ToArray();
        var result = DriftEngine.Run(Table(DriftColumn.FromNumbers("x", reference)), Table(DriftColumn.FromNumbers("x", current)));
        Assert.Equal(expected, result.Columns[0].StatTestName);
    }

    [Fact]
    public void Distinct_Values_Count_Reference_And_Current_Together()
    {
        // 3 values in the reference, 3 more only in the current: 6 together, so ks rather than chisquare.
        var reference = Enumerable.Range(0, 100).Select(i => (double)(i % 3)).ToArray();
        var current = Enumerable.Range(0, 100).Select(i => (double)(3 + i % 3)).ToArray();
        var result = DriftEngine.Run(Table(DriftColumn.FromNumbers("x", reference)), Table(DriftColumn.FromNumbers("x", current)));
        Assert.Equal("ks", result.Columns[0].StatTestName);
    }

    [Fact]
    public void Default_Test_Counts_Cleaned_Reference_Rows()
    {
        // 1,500 rows of which 600 are NaN or infinite: 900 after cleaning, so the small-data defaults apply.
        var reference = Normal(1500, 0, 1);
        for (var i = 0; i < 600; i++) reference[i] = i % 2 == 0 ? double.NaN : double.PositiveInfinity;
        var result = DriftEngine.Run(Table(DriftColumn.FromNumbers("x", reference)), Table(DriftColumn.FromNumbers("x", Normal(300, 0, 2))));
        Assert.Equal("ks", result.Columns[0].StatTestName);
        Assert.Equal(900, result.Columns[0].ReferenceSize);
    }

    [Fact]
    public void Labels_Are_Categorical_And_Missing_Labels_Are_Dropped()
    {
        var reference = DriftColumn.FromLabels("c", Enumerable.Range(0, 2000).Select(i => i % 10 == 0 ? null : (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var current = DriftColumn.FromLabels("c", Enumerable.Range(0, 100).Select(i => i % 5 == 0 ? "" : "0").ToArray());
        var result = DriftEngine.Run(Table(reference), Table(current)).Columns[0];
        Assert.Equal(ColumnType.Categorical, result.ColumnType);
        Assert.Equal("jensenshannon", result.StatTestName);
        Assert.Equal(1800, result.ReferenceSize);
        Assert.Equal(80, result.CurrentSize);
        Assert.True(result.DriftDetected);
    }

    [Fact]
    public void Dataset_Drifts_When_The_Share_Reaches_The_Configured_Value()
    {
        var reference = Table(DriftColumn.FromNumbers("a", Normal(2000, 0, 1)), DriftColumn.FromNumbers("b", Normal(2000, 0, 2)));
        var current = Table(DriftColumn.FromNumbers("a", Normal(2000, 2, 3)), DriftColumn.FromNumbers("b", Normal(2000, 0, 4)));
        var report = DriftEngine.Run(reference, current);
        Assert.Equal(1, report.NumberOfDriftedColumns);
        Assert.Equal(0.5, report.ShareOfDriftedColumns);
        Assert.True(report.DatasetDrift);
        Assert.False(DriftEngine.Run(reference, current, new DriftOptions { DriftShare = 0.51 }).DatasetDrift);
    }

    [Fact]
    public void Per_Column_Overrides_Win_Over_Global_Options()
    {
        var reference = Table(DriftColumn.FromNumbers("a", Normal(500, 0, 1)), DriftColumn.FromNumbers("b", Normal(500, 0, 2)));
        var current = Table(DriftColumn.FromNumbers("a", Normal(500, 0.1, 3)), DriftColumn.FromNumbers("b", Normal(500, 0.1, 4)));
        var report = DriftEngine.Run(reference, current, new DriftOptions
        {
            StatTest = "psi",
            Threshold = 0.5,
            PerColumn = new Dictionary<string, ColumnDriftOptions> { ["b"] = new("t_test", 0.9) },
        });
        Assert.Equal(("psi", 0.5), (report.Columns[0].StatTestName, report.Columns[0].StatTestThreshold));
        Assert.Equal(("t_test", 0.9), (report.Columns[1].StatTestName, report.Columns[1].StatTestThreshold));
    }

    [Theory]
    [InlineData("ks", 0.05, true)]     // p ≤ threshold
    [InlineData("chisquare", 0.05, false)] // p < threshold
    [InlineData("wasserstein", 0.05, true)] // distance ≥ threshold
    [InlineData("ed", 0.05, false)]    // distance > threshold
    public void Score_Equal_To_Threshold_Follows_Each_Tests_Comparison(string test, double _, bool driftAtEquality)
    {
        var reference = Table(DriftColumn.FromNumbers("x", Normal(300, 0, 5)));
        var current = Table(DriftColumn.FromNumbers("x", Normal(200, 0.3, 6)));
        var options = new DriftOptions { StatTest = test, ColumnTypes = new Dictionary<string, ColumnType> { ["x"] = test == "chisquare" ? ColumnType.Categorical : ColumnType.Numerical } };
        var score = DriftEngine.Run(reference, current, options).Columns[0].DriftScore;
        var atEquality = DriftEngine.Run(reference, current, new DriftOptions { StatTest = test, Threshold = score, ColumnTypes = options.ColumnTypes }).Columns[0];
        Assert.Equal(driftAtEquality, atEquality.DriftDetected);
    }

    [Fact]
    public void Constant_And_All_Missing_Columns_Are_Handled()
    {
        var reference = Table(DriftColumn.FromNumbers("constant", Enumerable.Repeat(3.0, 2000).ToArray()), DriftColumn.FromNumbers("missing", Enumerable.Repeat(double.NaN, 2000).ToArray()));
        var current = Table(DriftColumn.FromNumbers("constant", Enumerable.Repeat(3.0, 500).ToArray()), DriftColumn.FromNumbers("missing", Normal(500, 0, 1)));
        var report = DriftEngine.Run(reference, current);
        Assert.Equal(("jensenshannon", 0.0, false), (report.Columns[0].StatTestName, report.Columns[0].DriftScore, report.Columns[0].DriftDetected));
        Assert.Equal("insufficient data", report.Columns[1].Note);
        Assert.False(report.Columns[1].DriftDetected);
        Assert.True(double.IsNaN(report.Columns[1].DriftScore));
    }

    [Fact]
    public void Unseen_Category_Makes_Chisquare_Drift_With_Zero_P()
    {
        var reference = Table(DriftColumn.FromLabels("c", ["a", "b", "a", "b", "a"]));
        var current = Table(DriftColumn.FromLabels("c", ["a", "b", "c", "a"]));
        var column = DriftEngine.Run(reference, current).Columns[0];
        Assert.Equal(("chisquare", 0.0, true), (column.StatTestName, column.DriftScore, column.DriftDetected));
    }

    [Theory]
    [InlineData("nope", "unknown stattest 'nope'")]
    [InlineData("chisquare", "does not apply to numerical column 'x'")]
    public void Bad_Test_Names_Are_Refused(string test, string message)
    {
        var table = Table(DriftColumn.FromNumbers("x", [1, 2, 3]));
        var error = Assert.Throws<DriftException>(() => DriftEngine.Run(table, table, new DriftOptions { StatTest = test }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Columns_Are_Noted_And_Impossible_Types_Are_Refused()
    {
        var reference = Table(DriftColumn.FromNumbers("x", [1, 2, 3]), DriftColumn.FromLabels("y", ["a", "b", "c"]));
        var current = Table(DriftColumn.FromNumbers("x", [1, 2, 3]));
        var missing = DriftEngine.Run(reference, current).Columns[1];
        Assert.Equal(("y", "missing in the current data", false, 3, 0), (missing.Column, missing.Note, missing.DriftDetected, missing.ReferenceSize, missing.CurrentSize));
        var options = new DriftOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["y"] = ColumnType.Numerical } };
        Assert.Contains("cannot be numerical", Assert.Throws<DriftException>(() => DriftEngine.Run(reference, reference, options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permutation_Tests_Are_Reproducible_And_Detect_Clear_Shifts()
    {
        var reference = Table(DriftColumn.FromLabels("c", Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? "a" : "b").ToArray()));
        var current = Table(DriftColumn.FromLabels("c", Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "a" : "b").ToArray()));
        var options = new DriftOptions { StatTest = "TVD" };
        var first = DriftEngine.Run(reference, current, options).Columns[0];
        Assert.Equal(first.DriftScore, DriftEngine.Run(reference, current, options).Columns[0].DriftScore);
        Assert.Equal(0.25, first.Statistic!.Value, 12);
        Assert.True(first.DriftDetected);
        var same = DriftEngine.Run(reference, reference, options).Columns[0];
        Assert.Equal(1.0, same.DriftScore);
        Assert.False(same.DriftDetected);
    }

    [Fact]
    public void Json_Report_Has_The_Stable_Schema()
    {
        var reference = Table(DriftColumn.FromNumbers("n", Normal(2000, 0, 1)), DriftColumn.FromLabels("c", Enumerable.Repeat("a", 2000).ToArray()));
        var current = Table(DriftColumn.FromNumbers("n", Normal(2000, 1, 2)), DriftColumn.FromLabels("c", Enumerable.Repeat("a", 2000).ToArray()));
        using var json = JsonDocument.Parse(DriftReportJson.Serialize(DriftEngine.Run(reference, current)));
        var root = json.RootElement;
        Assert.True(root.GetProperty("dataset_drift").GetBoolean());
        Assert.Equal(0.5, root.GetProperty("share_of_drifted_columns").GetDouble());
        Assert.Equal(2, root.GetProperty("number_of_columns").GetInt32());
        Assert.Equal(1, root.GetProperty("number_of_drifted_columns").GetInt32());
        var n = root.GetProperty("columns").GetProperty("n");
        Assert.Equal("num", n.GetProperty("column_type").GetString());
        Assert.Equal("wasserstein", n.GetProperty("stattest_name").GetString());
        Assert.Equal(0.1, n.GetProperty("stattest_threshold").GetDouble());
        Assert.True(n.GetProperty("drift_score").GetDouble() > 0.5);
        Assert.True(n.GetProperty("drift_detected").GetBoolean());
        Assert.False(n.TryGetProperty("statistic", out _));
        var c = root.GetProperty("columns").GetProperty("c");
        Assert.Equal("cat", c.GetProperty("column_type").GetString());
        Assert.False(c.GetProperty("drift_detected").GetBoolean());
    }
}
