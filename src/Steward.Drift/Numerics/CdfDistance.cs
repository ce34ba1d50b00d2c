namespace Steward.Drift.Numerics;

/// <summary>SciPy's <c>_cdf_distance</c>: the L1 or L2 distance between the empirical CDFs of two sorted samples.</summary>
internal static class CdfDistance
{
    /// <summary>∫|F − G|^p over the pooled support, to the power 1/p (p = 1: Wasserstein-1; p = 2: the energy distance's core).</summary>
    public static double Compute(double[] u, double[] v, int p)
    {
        int i = 0, j = 0, n = u.Length, m = v.Length;
        var sum = 0.0;
        var prev = Math.Min(u[0], v[0]);
        while (i < n || j < m)
        {
            var x = j >= m || (i < n && u[i] <= v[j]) ? u[i] : v[j];
            if (x > prev)
            {
                var diff = Math.Abs((double)i / n - (double)j / m);
                sum += (p == 1 ? diff : diff * diff) * (x - prev);
                prev = x;
            }
            while (i < n && u[i] == x) i++;
            while (j < m && v[j] == x) j++;
        }
        return p == 1 ? sum : Math.Sqrt(sum);
    }
}
