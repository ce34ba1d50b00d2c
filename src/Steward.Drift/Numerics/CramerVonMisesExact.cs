namespace Steward.Drift.Numerics;

/// <summary>
/// The exact null distribution of the two-sample Cramér–von Mises statistic (Xiao, Gordon and Yakovlev 2006): the frequency
/// of Σ (a·v − b·u)² over monotone lattice paths, counted per reachable value with a dictionary per column.
/// </summary>
internal static class CramerVonMisesExact
{
    public static double PValue(double u, int m, int n)
    {
        var lcm = m / Gcd(m, n) * (long)n;
        long a = lcm / m, b = lcm / n;
        double mn = (double)m * n;
        var zeta = Math.Floor(lcm * (double)lcm * (m + n) * (6 * u - mn * (4 * mn - 1)) / (6 * mn * mn));

        // gs[v]: value -> number of paths; rows are u = 0..n, columns v = 0..m.
        var gs = new Dictionary<long, double>[m + 1];
        gs[0] = new Dictionary<long, double> { [0] = 1 };
        for (var v = 1; v <= m; v++) gs[v] = [];
        for (long uu = 0; uu <= n; uu++)
        {
            var next = new Dictionary<long, double>[m + 1];
            var tmp = new Dictionary<long, double>();
            for (var v = 0; v <= m; v++)
            {
                var merged = new Dictionary<long, double>(tmp);
                foreach (var (value, freq) in gs[v]) merged[value] = merged.GetValueOrDefault(value) + freq;
                var add = (a * v - b * uu) * (a * v - b * uu);
                tmp = new Dictionary<long, double>(merged.Count);
                foreach (var (value, freq) in merged) tmp[value + add] = freq;
                next[v] = tmp;
            }
            gs = next;
        }
        var combinations = Math.Exp(Distributions.LogBinomial(m + n, m));
        var sum = 0.0;
        foreach (var (value, freq) in gs[m]) if (value >= zeta) sum += freq;
        return sum / Math.Round(combinations);
    }

    private static long Gcd(long x, long y)
    {
        while (y != 0) (x, y) = (y, x % y);
        return x;
    }
}
