using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>The KLL sketch's rank error stays within the documented bound on several distributions, single and merged.</summary>
public sealed class KllSketchTests(ITestOutputHelper output)
{
    /// <summary>The bound docs/DRIFT.md states: sup over x of |F̂(x) − F(x)| ≤ 2.5/k (here k = 200).</summary>
    private const double Bound = 2.5 / 200;

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Rank_Error_Stays_Within_The_Bound(string shape)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var values = SketchData.Sample(shape, 200_000, seed);
            var sketch = new KllSketch(200);
            foreach (var v in values) sketch.Add(v);
            var error = MaxRankError(sketch, values);
            output.WriteLine($"{shape} seed {seed}: max rank error {error:F5} ({error * 200:F2}/k), {sketch.LevelCount} levels");
            Assert.True(error <= Bound, $"{shape}: {error}");
            Assert.Equal(values.Length, sketch.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Merged_Sketches_Of_Batches_Stay_Within_The_Bound(string shape)
    {
        var values = SketchData.Sample(shape, 200_000, 7);
        var merged = new KllSketch(200);
        for (var batch = 0; batch < 10; batch++)
        {
            var sketch = new KllSketch(200);
            for (var i = batch * 20_000; i < (batch + 1) * 20_000; i++) sketch.Add(values[i]);
            merged.Merge(sketch);
        }
        var error = MaxRankError(merged, values);
        output.WriteLine($"{shape} merged: max rank error {error:F5} ({error * 200:F2}/k)");
        Assert.True(error <= Bound, $"{shape}: {error}");
        Assert.Equal(values.Length, merged.Count);
    }

    public static TheoryData<string> Shapes() => new(SketchData.Shapes);

    /// <summary>sup over the data's values of |F̂(x) − F(x)|, with F̂ the sketch's weighted CDF (both ≤ x).</summary>
    internal static double MaxRankError(KllSketch sketch, double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var (sv, sw) = sketch.WeightedValues();
        var cumulative = new double[sw.Length];
        var sum = 0.0;
        for (var i = 0; i < sw.Length; i++) cumulative[i] = sum += sw[i];
        var max = 0.0;
        var j = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i]) continue;
            while (j < sv.Length && sv[j] <= sorted[i]) j++;
            var estimated = j == 0 ? 0 : cumulative[j - 1] / sum;
            max = Math.Max(max, Math.Abs(estimated - (i + 1.0) / sorted.Length));
        }
        return max;
    }
}
