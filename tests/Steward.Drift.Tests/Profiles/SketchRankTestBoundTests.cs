using Steward.Drift.Profiles;

using static Steward.Drift.Tests.Profiles.SketchData;

namespace Steward.Drift.Tests.Profiles;

/// <summary>
/// <c>ed</c>, <c>mannw</c> and <c>cramer_von_mises</c> from sketch-mode profiles (single sketches and merges of batches)
/// stay within the bounds docs/DRIFT.md derives from the sketch's rank error, against the exact values of the same data.
/// </summary>
public sealed class SketchRankTestBoundTests(ITestOutputHelper output)
{
    private const int K = ProfileOptions.DefaultSketchK;

    /// <summary>The rank-error bound of docs/DRIFT.md, 2.5/k per sketched side.</summary>
    private const double Epsilon = 2.5 / K;

    private const double Delta = 2 * Epsilon;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in SketchData.Shapes)
        {
            data.Add(shape, 1);
            data.Add(shape, 5);
        }
        return data;
    }

    private static (double[] Reference, double[] Current, DriftProfile SketchReference, DriftProfile SketchCurrent) Data(string shape, int batches)
    {
        var (r, c) = (SketchData.Sample(shape, 60_000, 21), SketchData.Sample(shape, 40_000, 22, shift: 0.05));
        var (pr, pc) = (Profile(r, batches, ProfileMode.Sketch), Profile(c, batches, ProfileMode.Sketch));
        Assert.True(pr.Columns[0].IsSketch && pc.Columns[0].IsSketch);
        return (r, c, pr, pc);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EnergyDistance_StaysWithin_Sqrt2_Delta_SqrtRange(string shape, int batches)
    {
        var (r, c, pr, pc) = Data(shape, batches);
        var exact = Run(Table(r), Table(c), "ed");
        var sketch = Run(pr, pc, "ed");
        var range = Math.Max(r.Max(), c.Max()) - Math.Min(r.Min(), c.Min());
        var bound = Math.Sqrt(2) * Delta * Math.Sqrt(range);
        output.WriteLine($"{shape}/{batches}: ed {exact.DriftScore:G6} sketch {sketch.DriftScore:G6} error {Math.Abs(sketch.DriftScore - exact.DriftScore):G3} bound {bound:G3}");
        Assert.InRange(sketch.DriftScore - exact.DriftScore, -bound, bound);
        Assert.Equal((60_000, 40_000), (sketch.ReferenceSize, sketch.CurrentSize));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MannWhitneyU_StaysWithin_nm_Delta(string shape, int batches)
    {
        var (r, c, pr, pc) = Data(shape, batches);
        var exact = Run(Table(r), Table(c), "mannw");
        var sketch = Run(pr, pc, "mannw");
        var bound = 60_000.0 * 40_000 * Delta;
        output.WriteLine($"{shape}/{batches}: U/nm {exact.Statistic / 2.4e9:F6} sketch {sketch.Statistic / 2.4e9:F6} error/nm {Math.Abs(sketch.Statistic!.Value - exact.Statistic!.Value) / 2.4e9:G3} bound/nm {Delta}; p {exact.DriftScore:G4} sketch {sketch.DriftScore:G4}");
        Assert.InRange(sketch.Statistic!.Value - exact.Statistic!.Value, -bound, bound);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CramerVonMises_StaysWithinItsBound_OfTheExactCdfForm(string shape, int batches)
    {
        var (r, c, pr, pc) = Data(shape, batches);
        var exactCdf = SketchDistances.CramerVonMises(Exact(r), Exact(c));
        var sketch = Run(pr, pc, "cramer_von_mises");
        var (a, b) = (SketchSample.From(pr.Columns[0]), SketchSample.From(pc.Columns[0]));
        var dMax = SketchDistances.Ks(a, b) + Delta;
        double n = 60_000, m = 40_000, epsilonH = (n * Epsilon + m * Epsilon) / (n + m);
        var bound = n * m / (n + m) * (Delta * (2 * dMax + Delta) + 4 * epsilonH * dMax);
        var scipy = Run(Table(r), Table(c), "cramer_von_mises").Statistic!.Value;
        output.WriteLine($"{shape}/{batches}: T {exactCdf:G6} (midrank {scipy:G6}) sketch {sketch.Statistic:G6} error {Math.Abs(sketch.Statistic!.Value - exactCdf):G3} bound {bound:G3}");
        Assert.InRange(sketch.Statistic!.Value - exactCdf, -bound, bound);
    }

    [Fact]
    public void CdfForms_OnExactWeights_EqualTheRawTests_WithoutTies()
    {
        var (r, c) = (SketchData.Sample("normal", 3_000, 31), SketchData.Sample("normal", 2_000, 32, shift: 0.1));
        var (a, b) = (Exact(r), Exact(c));
        var raw = (Cvm: Run(Table(r), Table(c), "cramer_von_mises"), Mwu: Run(Table(r), Table(c), "mannw"), Ed: Run(Table(r), Table(c), "ed"));
        Assert.Equal(raw.Cvm.Statistic!.Value, SketchDistances.CramerVonMises(a, b), 1e-9 * raw.Cvm.Statistic.Value);
        Assert.Equal(raw.Mwu.Statistic!.Value, SketchDistances.MannWhitneyU(a, b), 1e-6);
        Assert.Equal(raw.Ed.DriftScore, Math.Sqrt(2 * SketchDistances.SquaredL2(a, b)), 1e-12);
    }

    [Fact]
    public void AnExactSideAgainstASketch_UsesTheSketchPath_WithTheRealSizes()
    {
        var (r, c) = (SketchData.Sample("uniform", 30_000, 41), SketchData.Sample("uniform", 2_000, 42, shift: 0.2));
        var (sketched, exact) = (Profile(r, 3, ProfileMode.Sketch), Profile(c, 1, ProfileMode.Exact));
        foreach (var test in new[] { "ed", "mannw", "cramer_von_mises" })
        {
            var result = Run(sketched, exact, test);
            Assert.Equal((30_000, 2_000), (result.ReferenceSize, result.CurrentSize));
            Assert.True(double.IsFinite(result.DriftScore), test);
        }
    }

    private static SketchSample Exact(double[] values) => SketchSample.From(Profile(values, 1, ProfileMode.Exact).Columns[0]);
}
