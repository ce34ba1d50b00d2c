using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>fisher_exact</c>: SciPy's two-sided <c>fisher_exact</c> on the 2×2 table [[ones_cur, zeros_cur], [ones_ref, zeros_ref]];
/// as Evidently, both samples must have the same length and at most two categories together. Statistic: the odds ratio. Drift when p &lt; 0.1.
/// </summary>
internal sealed class FisherExactStatTest : CategoricalStatTest
{
    public override string Name => "fisher_exact";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.ReferenceCount != samples.CurrentCount)
            throw new DriftException($"fisher_exact needs samples of equal length, got {samples.ReferenceCount} and {samples.CurrentCount}");
        var categories = samples.Categories;
        if (categories.Count > 2) throw new DriftException("fisher_exact needs binary data, found more than 2 categories");
        long oneCur = categories.Current[0], zeroCur = samples.CurrentCount - oneCur;
        long oneRef = categories.Reference[0], zeroRef = samples.ReferenceCount - oneRef;
        var (p, oddsRatio) = TwoSided(oneCur, zeroCur, oneRef, zeroRef);
        return new StatTestOutcome(p, oddsRatio);
    }

    /// <summary>SciPy's two-sided p-value for [[a, b], [c, d]] and the odds ratio.</summary>
    internal static (double P, double OddsRatio) TwoSided(long a, long b, long c, long d)
    {
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) return (1.0, double.NaN);
        var oddsRatio = c > 0 && b > 0 ? (double)(a * d) / (c * b) : double.PositiveInfinity;
        long n1 = a + b, n2 = c + d, n = a + c, total = n1 + n2;
        double Pmf(long x) => Distributions.HypergeometricPmf(x, total, n1, n);
        var mode = (long)((n + 1) * (double)(n1 + 1) / (n1 + n2 + 2));
        var pExact = Pmf(a);
        var pMode = Pmf(mode);
        const double epsilon = 1e-14;
        const double gamma = 1 + epsilon;
        if (Math.Abs(pExact - pMode) / Math.Max(pExact, pMode) <= epsilon) return (1.0, oddsRatio);
        double p;
        long lo = Math.Max(0, n - n2), hi = Math.Min(n1, n);
        if (a < mode)
        {
            var lower = Sum(Pmf, lo, a);
            if (Pmf(n) > pExact * gamma) return (Math.Min(lower, 1), oddsRatio);
            var guess = Search(x => -Pmf(x), -pExact * gamma, mode, n);
            p = lower + Sum(Pmf, guess + 1, hi);
        }
        else
        {
            var upper = Sum(Pmf, a, hi);
            if (Pmf(0) > pExact * gamma) return (Math.Min(upper, 1), oddsRatio);
            var guess = Search(Pmf, pExact * gamma, 0, mode);
            p = upper + Sum(Pmf, lo, guess);
        }
        return (Math.Min(p, 1.0), oddsRatio);
    }

    private static double Sum(Func<long, double> pmf, long from, long to)
    {
        var sum = 0.0;
        for (var x = from; x <= to; x++) sum += pmf(x);
        return sum;
    }

    /// <summary>SciPy's <c>_binary_search_for_binom_tst</c>: i in [lo, hi] with f(i) ≤ d &lt; f(i + 1).</summary>
    private static long Search(Func<long, double> f, double d, long lo, long hi)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var value = f(mid);
            if (value < d) lo = mid + 1;
            else if (value > d) hi = mid - 1;
            else return mid;
        }
        return f(lo) <= d ? lo : lo - 1;
    }
}
