using MathNet.Numerics;
using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>cramer_von_mises</c>: Evidently's two-sample Cramér–von Mises test (Anderson 1962; midranks for ties): exact p-value
/// when both samples have at most 20 values (Xiao, Gordon and Yakovlev's lattice recursion), else the normalised statistic
/// against the limiting distribution (Csörgő and Faraway); drift when p ≤ 0.1. From a sketch: Anderson's CDF form
/// T = (n m / N) ∫ (F − G)² dH at the real sizes, and the limiting distribution (bound in docs/DRIFT.md).
/// </summary>
internal sealed class CramerVonMisesStatTest : NumericalStatTest
{
    public override string Name => "cramer_von_mises";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtMost;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.IsSketch)
        {
            var (a, b) = (samples.ReferenceSketch!, samples.CurrentSketch!);
            if (a.Count <= 1 || b.Count <= 1) throw new DriftException("cramer_von_mises needs at least two values in each sample");
            var t = SketchDistances.CramerVonMises(a, b);
            return new StatTestOutcome(Asymptotic(t, a.Count, b.Count), t);
        }
        var (x, y) = Numbers(samples);
        if (x.Length <= 1 || y.Length <= 1) throw new DriftException("cramer_von_mises needs at least two values in each sample");
        long nx = x.Length, ny = y.Length;
        // U = nx Σ (rank_i − i)² + ny Σ (rank_j − j)² with midranks in the pooled sample.
        double u = 0, position = 0;
        long ix = 0, iy = 0;
        SortedMerge.ForEachDistinct(x, y, (_, ca, cb) =>
        {
            var midrank = position + (ca + cb + 1) / 2.0;
            for (var t = 0; t < ca; t++)
            {
                ix++;
                u += nx * (midrank - ix) * (midrank - ix);
            }
            for (var t = 0; t < cb; t++)
            {
                iy++;
                u += ny * (midrank - iy) * (midrank - iy);
            }
            position += ca + cb;
        });
        double k = nx * ny, n = nx + ny;
        var statistic = u / (k * n) - (4 * k - 1) / (6 * n);
        double p;
        if (Math.Max(nx, ny) <= 20)
        {
            p = CramerVonMisesExact.PValue(u, (int)nx, (int)ny);
        }
        else
        {
            p = Asymptotic(statistic, nx, ny);
        }
        return new StatTestOutcome(p, statistic);
    }

    /// <summary>The p-value of <paramref name="statistic"/> T from the limiting distribution, T normalised by its mean and variance at the sizes.</summary>
    private static double Asymptotic(double statistic, long nx, long ny)
    {
        double k = nx * (double)ny, n = nx + ny;
        var et = (1 + 1 / n) / 6;
        var vt = (n + 1.0) * (4 * k * n - 3 * ((double)nx * nx + (double)ny * ny) - 2 * k);
        vt /= 45 * n * n * 4 * k;
        var tn = 1.0 / 6 + (statistic - et) / Math.Sqrt(45 * vt);
        return tn < 0.003 ? 1.0 : Math.Max(0, 1.0 - LimitingCdf(tn));
    }

    /// <summary>CDF of the one-sample Cramér–von Mises statistic for infinite samples, summed until a term is below 1e-7.</summary>
    internal static double LimitingCdf(double x)
    {
        var total = 0.0;
        for (var k = 0; ; k++)
        {
            var u = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1)) / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
            double y = 4 * k + 1, q = y * y / (16 * x);
            var term = u * Math.Sqrt(y) * Math.Exp(-q) * SpecialFunctions.BesselK(0.25, q);
            if (double.IsNaN(term)) term = 0;
            total += term;
            if (Math.Abs(term) < 1e-7) return total;
        }
    }
}
