using MathNet.Numerics;

namespace Steward.Drift.Numerics;

/// <summary>
/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n (SciPy's <c>kstwo</c>),
/// following Simard and L'Ecuyer (2011) as SciPy does: Ruben–Gambino at the ends, the Durbin matrix
/// (Marsaglia–Tsang–Wang), Pomeranz's recursion, Pelz–Good's expansion and Smirnov's one-sided formula.
/// </summary>
internal static class Kolmogorov
{
    private const double Pi2 = Math.PI * Math.PI;
    private static readonly double Scale = Math.ScaleB(1.0, 128);
    private static readonly double InverseScale = Math.ScaleB(1.0, -128);

    /// <summary>P(D_n &gt; x): SciPy's <c>kstwo.sf(x, n)</c>.</summary>
    public static double Sf(int n, double x)
    {
        if (n <= 0 || double.IsNaN(x)) return double.NaN;
        if (x >= 1.0) return 0;
        if (x <= 0.0) return 1;
        var t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5) return 1;
            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                for (var i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
            }
            else
            {
                prob = Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1));
            }
            return Clip(1.0 - prob);
        }
        if (t >= n - 1) return Clip(2 * Math.Pow(1.0 - x, n));
        if (x >= 0.5) return Clip(2 * Smirnov(n, x));
        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693) return Clip(1.0 - Durbin(n, x));
            if (nxSquared <= 4) return Clip(1.0 - Pomeranz(n, x));
            return Clip(2 * Smirnov(n, x));
        }
        if (nxSquared >= 370.0) return 0;
        if (nxSquared >= 2.2) return Clip(2 * Smirnov(n, x));
        double cdf;
        if (nxSquared >= 18.0) cdf = 1.0;
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4) cdf = Durbin(n, x);
        else cdf = PelzGood(n, x);
        return Clip(1.0 - cdf);
    }

    /// <summary>One-sided P(D_n^+ ≥ d) by the Birnbaum–Tingey sum, evaluated term by term in logs (SciPy's <c>smirnov</c>).</summary>
    public static double Smirnov(int n, double d)
    {
        if (d <= 0) return 1;
        if (d >= 1) return 0;
        var jMax = (int)Math.Floor(n * (1 - d) + 1e-12);
        var logFactN = SpecialFunctions.GammaLn(n + 1.0);
        var sum = 0.0;
        for (var j = 0; j <= jMax; j++)
        {
            var a = 1 - d - (double)j / n;
            var b = d + (double)j / n;
            if (a <= 0 && n - j > 0) continue;
            var log = logFactN - SpecialFunctions.GammaLn(j + 1.0) - SpecialFunctions.GammaLn(n - j + 1.0)
                      + (n - j == 0 ? 0 : (n - j) * Math.Log(a)) + (j - 1) * Math.Log(b);
            sum += Math.Exp(log);
        }
        return Math.Clamp(d * sum, 0, 1);
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    private static double LogFactorialOverPower(int n)
    {
        var rn = 1.0 / n;
        var poly = 0.0;
        foreach (var c in StirlingCoefficients) poly = poly * (rn / n) + c;
        return Math.Log(n) / 2 - n + Math.Log(2 * Math.PI) / 2 + rn * poly;
    }

    /// <summary>Durbin's matrix algorithm for P(D_n ≤ d), in the Marsaglia–Tsang–Wang form.</summary>
    internal static double Durbin(int n, double d)
    {
        if (d >= 1.0) return 1;
        var nd = n * d;
        if (nd <= 0.5) return 0;
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * fac;
        }
        var tt = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        var matrix = new double[m, m];
        for (var i = 1; i < m; i++)
            for (var r = i - 1; r < m; r++) matrix[r, i] = w[r - i + 1];
        for (var r = 0; r < m; r++) matrix[r, 0] = v[r];
        for (var c = 0; c < m; c++) matrix[m - 1, c] = v[m - 1 - c];

        var power = Identity(m);
        var nn = n;
        var exponent = 0;
        var matrixExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                power = Multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = Multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[k - 1, k - 1]) > Scale)
            {
                for (var r = 0; r < m; r++)
                    for (var c = 0; c < m; c++) matrix[r, c] /= Scale;
                matrixExponent += 128;
            }
            nn /= 2;
        }
        var p = power[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < InverseScale)
            {
                p *= Scale;
                exponent -= 128;
            }
        }
        if (exponent != 0) p = Math.ScaleB(p, exponent);
        return Clip(p);
    }

    private static double[,] Identity(int m)
    {
        var result = new double[m, m];
        for (var i = 0; i < m; i++) result[i, i] = 1;
        return result;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var result = new double[m, m];
        for (var i = 0; i < m; i++)
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0) continue;
                for (var j = 0; j < m; j++) result[i, j] += ail * b[l, j];
            }
        return result;
    }

    /// <summary>Pomeranz's recursion for P(D_n ≤ x).</summary>
    internal static double Pomeranz(int n, double x) => PomeranzRecursion.Cdf(n, x);

    /// <summary>Pelz–Good's expansion for P(D_n ≤ x) at large n.</summary>
    internal static double PelzGood(int n, double x)
    {
        if (x <= 0.0) return 0;
        if (x >= 1.0) return 1;
        var z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        var qlog = -Pi2 / 8 / z2;
        if (qlog < -708) return 0;
        var q = Math.Exp(qlog);
        var k1a = -z2;
        var k1b = Pi2 / 4;
        var k2a = 6 * z6 + 2 * z4;
        var k2b = (2 * z4 - 5 * z2) * Pi2 / 4;
        var k2c = Pi2 * Pi2 * (1 - 2 * z2) / 16;
        var k3d = Pi2 * Pi2 * Pi2 * (5 - 30 * z2) / 64;
        var k3c = Pi2 * Pi2 * (-60 * z2 + 212 * z4) / 16;
        var k3b = Pi2 * (135 * z4 - 96 * z6) / 4;
        var k3a = -30 * z6 - 90 * Math.Pow(z, 8);
        var terms = new double[4];
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            double mm = 2 * k - 1, m2 = mm * mm, m4 = m2 * m2, m6 = m4 * m2;
            var qPower = Math.Pow(q, 8 * k);
            for (var i = 0; i < 4; i++) terms[i] *= qPower;
            terms[0] += 1.0;
            terms[1] += k1a + k1b * m2;
            terms[2] += k2a + k2b * m2 + k2c * m4;
            terms[3] += k3a + k3b * m2 + k3c * m4 + k3d * m6;
        }
        var divisors = new[] { z, 6 * z4, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10) };
        for (var i = 0; i < 4; i++) terms[i] = terms[i] * q * Math.Sqrt(2 * Math.PI) / divisors[i];
        q = Math.Exp(-Pi2 / 2 / z2);
        double k2extra = 0, k3extra = 0;
        var sqrt3z = Math.Sqrt(3) * z;
        for (var k = maxK; k > 0; k--)
        {
            double ks = (double)k * k, qp = Math.Pow(q, ks), kspi = Math.PI * k;
            k2extra += ks * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks * qp;
        }
        terms[2] += k2extra * Pi2 * Math.Sqrt(2 * Math.PI) / (-36 * z3);
        terms[3] += k3extra * Pi2 * Math.Sqrt(2 * Math.PI) / (216 * z6);
        var sum = 0.0;
        for (var i = 0; i < 4; i++) sum += terms[i] / Math.Pow(n, i / 2.0);
        return sum;
    }
}
