namespace Steward.Drift.Numerics;

/// <summary>
/// The two-sided two-sample Kolmogorov–Smirnov test as SciPy 1.10's <c>ks_2samp(method="auto")</c>: the exact
/// lattice-path probability when both sizes are at most 10,000 (Hodges; Viehmann's recursion for unequal sizes),
/// falling back to the asymptotic distribution if the exact computation fails, else <c>kstwo.sf(d, round(mn/(m+n)))</c>.
/// </summary>
internal static class SmirnovTwoSample
{
    public const int MaxExactSize = 10000;

    /// <summary>The statistic D of two sorted samples: the largest absolute difference of their empirical CDFs.</summary>
    public static double Statistic(double[] a, double[] b)
    {
        int i = 0, j = 0, n1 = a.Length, n2 = b.Length;
        double max = 0, min = 0;
        while (i < n1 || j < n2)
        {
            var v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
            while (i < n1 && a[i] <= v) i++;
            while (j < n2 && b[j] <= v) j++;
            var diff = (double)i / n1 - (double)j / n2;
            if (diff > max) max = diff;
            if (diff < min) min = diff;
        }
        return Math.Max(max, Math.Clamp(-min, 0, 1));
    }

    /// <summary>The two-sided p-value of statistic <paramref name="d"/> for sizes n1, n2.</summary>
    public static double PValue(double d, int n1, int n2)
    {
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            var g = (int)Gcd(n1, n2);
            var lcm = (long)(n1 / g) * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            if (h == 0) return 1.0;
            var prob = n1 == n2 ? OutsideSquare(n1, h) : OutsideInside(n1, n2, g, h);
            if (prob is >= 0 and <= 1 && double.IsFinite(prob)) return prob;
            d = (double)h / lcm;
        }
        var (m, n) = n1 >= n2 ? ((double)n1, (double)n2) : (n2, n1);
        var en = m * n / (m + n);
        return Math.Clamp(Kolmogorov.Sf((int)Math.Round(en, MidpointRounding.ToEven), d), 0, 1);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>Equal sizes: the share of paths that leave the band |x − y| &lt; h.</summary>
    private static double OutsideSquare(int n, long h)
    {
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /// <summary>Unequal sizes: 1 − the share of lattice paths that stay strictly inside the band, by Viehmann's recursion.</summary>
    private static double OutsideInside(int m, int n, int g, long h)
    {
        if (m < n) (m, n) = (n, m);
        long mg = m / g, ng = n / g;
        var minJ = 0;
        var maxJ = (int)Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var curLen = maxJ - minJ;
        var lenA = Math.Min(2 * maxJ + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        for (var j = minJ; j < maxJ; j++) a[j] = 0.0;
        for (var i = 1; i <= m; i++)
        {
            var lastMinJ = minJ;
            var lastLen = curLen;
            minJ = (int)Math.Max(Math.Floor((double)(ng * i - h) / mg) + 1, 0);
            minJ = Math.Min(minJ, n);
            maxJ = (int)Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxJ <= minJ) return 1.0;
            var val = minJ == 0 ? 0.0 : 1.0;
            for (var jj = 0; jj < maxJ - minJ; jj++)
            {
                var j = jj + minJ;
                val = (a[jj + minJ - lastMinJ] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curLen = maxJ - minJ;
            if (lastLen > curLen)
                for (var c = maxJ - minJ; c < maxJ - minJ + (lastLen - curLen) && c < lenA; c++) a[c] = 1;
        }
        return a[maxJ - minJ - 1];
    }
}
