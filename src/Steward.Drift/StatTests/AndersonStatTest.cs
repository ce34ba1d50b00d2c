using MathNet.Numerics;
using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>anderson</c>: SciPy 1.10's <c>anderson_ksamp</c> of two samples (midrank statistic of Scholz and Stephens),
/// p-value interpolated on the log significance levels and capped to [0.001, 0.25] as that version does; drift when p &lt; 0.1.
/// </summary>
internal sealed class AndersonStatTest : NumericalStatTest
{
    private static readonly double[] Significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

    public override string Name => "anderson";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (r, c) = Numbers(samples);
        double n1 = r.Length, n2 = c.Length, total = n1 + n2;
        var distinct = 0;
        var a2kn = 0.0;
        var left = 0.0;
        SortedMerge.ForEachDistinct(r, c, (_, ca, cb) => distinct++);
        if (distinct < 2) return new StatTestOutcome(double.NaN);
        double m1 = 0, m2 = 0;
        SortedMerge.ForEachDistinct(r, c, (_, ca, cb) =>
        {
            double lj = ca + cb;
            var bj = left + lj / 2;
            m1 += ca;
            m2 += cb;
            var denominator = bj * (total - bj) - total * lj / 4;
            var mi1 = m1 - ca / 2.0;
            var mi2 = m2 - cb / 2.0;
            a2kn += lj / total * (total * mi1 - bj * n1) * (total * mi1 - bj * n1) / denominator / n1;
            a2kn += lj / total * (total * mi2 - bj * n2) * (total * mi2 - bj * n2) / denominator / n2;
            left += lj;
        });
        a2kn *= (total - 1) / total;

        const int k = 2;
        var h = 1.0 / n1 + 1.0 / n2;
        var n = (long)total;
        double hsCumulative = 0, g = 0;
        for (long i = n - 1, idx = 0; i > 1; i--, idx++)
        {
            hsCumulative += 1.0 / i;
            g += hsCumulative / (idx + 2);
        }
        var hh = hsCumulative + 1;
        var a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * h;
        var b = (2 * g - 4) * k * k + 8 * hh * k + (2 * g - 14 * hh - 4) * h - 8 * hh + 4 * g - 6;
        var cc = (6 * hh + 2 * g - 2) * k * k + (4 * hh - 4 * g + 6) * k + (2 * hh - 6) * h + 4 * hh;
        var d = (2 * hh + 6) * k * k - 4 * hh * k;
        var sigmaSquared = (a * total * total * total + b * total * total + cc * total + d) / ((total - 1) * (total - 2) * (total - 3));
        const int m = k - 1;
        var a2 = (a2kn - m) / Math.Sqrt(sigmaSquared);

        var critical = new double[7];
        for (var i = 0; i < 7; i++) critical[i] = B0[i] + B1[i] / Math.Sqrt(m) + B2[i] / m;
        double p;
        if (a2 < critical.Min()) p = Significance.Max();
        else if (a2 > critical.Max()) p = Significance.Min();
        else
        {
            var fit = Fit.Polynomial(critical, Significance.Select(s => Math.Log(s)).ToArray(), 2);
            p = Math.Exp(fit[0] + fit[1] * a2 + fit[2] * a2 * a2);
        }
        return new StatTestOutcome(p, a2);
    }
}
