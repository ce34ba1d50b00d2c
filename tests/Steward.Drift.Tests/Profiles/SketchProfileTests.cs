using Steward.Drift.Profiles;

using static Steward.Drift.Tests.Profiles.SketchData;

namespace Steward.Drift.Tests.Profiles;

/// <summary>
/// Reports from sketch-mode profiles (merged from batches) stay within the error bounds docs/DRIFT.md states, against the
/// exact reports of the same data; the tests that need raw values refuse sketches.
/// </summary>
public sealed class SketchProfileTests(ITestOutputHelper output)
{
    private const int K = ProfileOptions.DefaultSketchK;

    /// <summary>The rank-error bound of docs/DRIFT.md, 2.5/k.</summary>
    private const double Epsilon = 2.5 / K;

    public static TheoryData<string> Shapes() => KllSketchTests.Shapes();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ks_And_Wasserstein_From_Merged_Sketches_Stay_Within_The_Bounds(string shape)
    {
        var (referenceValues, currentValues) = (SketchData.Sample(shape, 60_000, 11), SketchData.Sample(shape, 40_000, 12, shift: 0.05));
        var (reference, current) = (Profile(referenceValues, batches: 6), Profile(currentValues, batches: 4));
        Assert.True(reference.Columns[0].IsSketch);
        var (rawReference, rawCurrent) = (Table(referenceValues), Table(currentValues));

        var ks = Run(reference, current, "ks");
        var exactKs = Run(rawReference, rawCurrent, "ks");
        output.WriteLine($"{shape}: D {exactKs.Statistic:F5} sketch {ks.Statistic:F5}");
        Assert.InRange(ks.Statistic!.Value - exactKs.Statistic!.Value, -2 * Epsilon, 2 * Epsilon);
        Assert.Equal((60_000, 40_000), (ks.ReferenceSize, ks.CurrentSize));

        var wasserstein = Run(reference, current, "wasserstein");
        var exactWasserstein = Run(rawReference, rawCurrent, "wasserstein");
        var column = reference.Columns[0];
        var range = Math.Max(column.Max, current.Columns[0].Max) - Math.Min(column.Min, current.Columns[0].Min);
        var bound = 2 * Epsilon * range / Math.Max(Math.Sqrt(column.Variance), 0.001);
        output.WriteLine($"{shape}: W {exactWasserstein.DriftScore:F5} sketch {wasserstein.DriftScore:F5} bound {bound:F4}");
        Assert.InRange(wasserstein.DriftScore - exactWasserstein.DriftScore, -bound, bound);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Binned_Shares_From_Sketches_Stay_Within_Twice_The_Rank_Error(string shape)
    {
        var (referenceValues, currentValues) = (SketchData.Sample(shape, 50_000, 21), SketchData.Sample(shape, 50_000, 22, shift: 0.3));
        var samples = ColumnSamples.Sketched(ColumnType.Numerical, SketchSample.From(Profile(referenceValues, 5).Columns[0]), SketchSample.From(Profile(currentValues, 5).Columns[0]));
        var exact = ColumnSamples.Numeric(ColumnType.Numerical, referenceValues, currentValues);
        var (r, c) = Binning.Shares(samples, fillZeroes: false);
        var (er, ec) = Binning.Shares(exact, fillZeroes: false);
        Assert.Equal(er.Length, r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            Assert.InRange(r[i] - er[i], -2 * Epsilon, 2 * Epsilon);
            Assert.InRange(c[i] - ec[i], -2 * Epsilon, 2 * Epsilon);
        }
        foreach (var test in new[] { "psi", "jensenshannon", "kl_div" })
        {
            var (sketched, raw) = (Run(Profile(referenceValues, 5), Profile(currentValues, 5), test), Run(Table(referenceValues), Table(currentValues), test));
            output.WriteLine($"{shape} {test}: exact {raw.DriftScore:F5} sketch {sketched.DriftScore:F5}");
            Assert.Equal((50_000, 50_000), (sketched.ReferenceSize, sketched.CurrentSize));
        }
    }

    [Fact]
    public void T_Test_From_Moments_Equals_The_Raw_Test()
    {
        var (referenceValues, currentValues) = (SketchData.Sample("normal", 30_000, 31), SketchData.Sample("normal", 20_000, 32, shift: 0.01));
        var sketched = Run(Profile(referenceValues, 3), Profile(currentValues, 2), "t_test");
        var raw = Run(Table(referenceValues), Table(currentValues), "t_test");
        Assert.Equal(raw.DriftScore, sketched.DriftScore, 1e-9);
        Assert.Equal(raw.Statistic!.Value, sketched.Statistic!.Value, 1e-9);
    }

    [Fact]
    public void Default_Choice_On_Sketches_Follows_Evidently()
    {
        var report = DriftEngine.Run(Profile(SketchData.Sample("normal", 20_000, 41), 2), Profile(SketchData.Sample("normal", 5_000, 42), 1));
        Assert.Equal("wasserstein", report.Columns[0].StatTestName);
        Assert.False(report.Columns[0].DriftDetected);
        var small = DriftEngine.Run(Profile(SketchData.Sample("normal", 900, 43), 1), Profile(SketchData.Sample("normal", 5_000, 44, shift: 1), 1));
        Assert.Equal(("ks", true), (small.Columns[0].StatTestName, small.Columns[0].DriftDetected));
    }

    [Theory]
    [InlineData("anderson")]
    [InlineData("es")]
    [InlineData("empirical_mmd")]
    [InlineData("hellinger")]
    public void Tests_That_Need_Raw_Values_Refuse_Sketches(string test)
    {
        var profile = Profile(SketchData.Sample("uniform", 20_000, 51), 2);
        var error = Assert.Throws<DriftException>(() => DriftEngine.Run(profile, profile, new DriftOptions { StatTest = test }));
        Assert.Contains("column 'x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exact-mode profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Categorical_Comparison_Of_A_Sketched_Column_Is_Refused()
    {
        var profile = Profile(SketchData.Sample("uniform", 20_000, 52), 2);
        var options = new DriftOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["x"] = ColumnType.Categorical } };
        Assert.Contains("cannot be compared as categories", Assert.Throws<DriftException>(() => DriftEngine.Run(profile, profile, options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Few_Distinct_Values_Stay_Exact_In_Sketch_Mode()
    {
        var values = Enumerable.Range(0, 50_000).Select(i => (double)(i % 7)).ToArray();
        var current = Enumerable.Range(0, 20_000).Select(i => (double)(i % 6)).ToArray();
        var profile = Profile(values, 4);
        Assert.False(profile.Columns[0].IsSketch);
        Assert.Equal(7, profile.Columns[0].ValueCounts!.Count);
        foreach (var test in new[] { "chisquare", "anderson", "ks", "psi" })
        {
            var options = new DriftOptions { StatTest = test, ColumnTypes = new Dictionary<string, ColumnType> { ["x"] = test == "chisquare" ? ColumnType.Categorical : ColumnType.Numerical } };
            Assert.Equal(DriftEngine.Run(Table(values), Table(current), options).Columns[0], DriftEngine.Run(profile, Table(current), options).Columns[0]);
        }
    }
}
