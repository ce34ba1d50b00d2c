namespace Steward.Drift.Numerics;

/// <summary>Pomeranz (1974): P(D_n ≤ x) by a banded recursion with convolutions, rescaled to avoid underflow.</summary>
internal static class PomeranzRecursion
{
    private static readonly double Scale = Math.ScaleB(1.0, 128);
    private static readonly double InverseScale = Math.ScaleB(1.0, -128);

    public static double Cdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var gPower = new double[npwrs];
        var twoGPower = new double[npwrs];
        var oneMinusTwoGPower = new double[npwrs];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }
        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0;
        var exponent = 0;
        var (j1, j2) = Bounds(0, n, ll, ceilF, roundF);
        for (var i = 1; i < 2 * n + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = Bounds(i, n, ll, ceilF, roundF);
            var powers = i == 1 || i == 2 * n + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            var ln2 = j2 - k1 + 1;
            if (ln2 <= 0) continue;
            var start = j1 - k1;
            var length = j2 - j1 + 1;
            var max = 0.0;
            for (var c = 0; c < length; c++)
            {
                // Entry (start + c) of the full convolution of v0[k1 - v0s ..][..ln2] with powers[..ln2].
                var idx = start + c;
                var sum = 0.0;
                var lo = Math.Max(0, idx - (ln2 - 1));
                var hi = Math.Min(Math.Min(idx, ln2 - 1), npwrs - 1 - (k1 - v0s));
                for (var a = lo; a <= hi; a++) sum += v0[k1 - v0s + a] * powers[idx - a];
                v1[c] = sum;
                if (sum > max) max = sum;
            }
            if (max > 0 && max < InverseScale)
            {
                for (var c = 0; c < npwrs; c++) v1[c] *= Scale;
                exponent -= 128;
            }
            v1s = v0s + j1 - k1;
        }
        var answer = v1[n - v1s];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Scale)
            {
                answer *= InverseScale;
                exponent += 128;
            }
            answer *= m;
        }
        if (exponent != 0) answer = Math.ScaleB(answer, exponent);
        return Math.Clamp(answer, 0, 1);
    }

    private static (int J1, int J2) Bounds(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }
        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
