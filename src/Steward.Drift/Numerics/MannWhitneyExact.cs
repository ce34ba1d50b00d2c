using System.Numerics;

namespace Steward.Drift.Numerics;

/// <summary>
/// The exact null distribution of the Mann–Whitney U statistic: the coefficients of the Gaussian binomial
/// [m+n choose s]_q (s the smaller size), built in exact integers by multiplying with (1 − q^(L+i)) and dividing by (1 − q^i).
/// </summary>
internal static class MannWhitneyExact
{
    /// <summary>The largest m·n for which the exact distribution is computed.</summary>
    public const long MaxStatistic = 4_000_000;

    /// <summary>P(U ≥ u) for sizes m and n, as SciPy's <c>_mwu_state.sf</c>.</summary>
    public static double Sf(long u, int m, int n)
    {
        var k = (long)m * n - u;
        if (k < 0) return 0;
        var counts = Counts(Math.Min(m, n), Math.Max(m, n));
        if (k >= counts.Length) return 1;
        BigInteger below = BigInteger.Zero, total = BigInteger.Zero;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            if (i <= k) below += counts[i];
        }
        return Math.Exp(BigInteger.Log(below) - BigInteger.Log(total));
    }

    private static BigInteger[] Counts(int s, int large)
    {
        var degree = (long)s * large;
        var poly = new BigInteger[degree + 1];
        poly[0] = BigInteger.One;
        long current = 0;
        for (var i = 1; i <= s; i++)
        {
            var shift = large + i;
            // multiply by (1 − q^shift)
            for (var d = Math.Min(current + shift, degree); d >= shift; d--) poly[d] -= poly[d - shift];
            current += shift;
            // divide by (1 − q^i): c'[d] = c[d] + c'[d − i]
            for (var d = i; d <= Math.Min(current, degree); d++) poly[d] += poly[d - i];
            current -= i;
        }
        return poly;
    }
}
