using MathNet.Numerics;

namespace Steward.Drift.Numerics;

/// <summary>Tail probabilities of the reference distributions, computed as SciPy does (survival functions, not 1 − CDF).</summary>
internal static class Distributions
{
    /// <summary>Chi-square survival function, SciPy's <c>chi2.sf(x, df)</c>.</summary>
    public static double ChiSquareSf(double x, double df)
    {
        if (double.IsNaN(x) || double.IsNaN(df) || df <= 0) return double.NaN;
        if (double.IsPositiveInfinity(x)) return 0;
        if (x <= 0) return 1;
        return SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);
    }

    /// <summary>Standard normal CDF.</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>Standard normal survival function, SciPy's <c>norm.sf(z)</c>.</summary>
    public static double NormalSf(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Student's t survival function, SciPy's <c>t.sf(t, df)</c>.</summary>
    public static double StudentTSf(double t, double df)
    {
        if (double.IsNaN(t) || df <= 0) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 0;
        if (double.IsNegativeInfinity(t)) return 1;
        var tail = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>Log of the binomial coefficient C(n, k) for large arguments.</summary>
    public static double LogBinomial(double n, double k) =>
        SpecialFunctions.GammaLn(n + 1) - SpecialFunctions.GammaLn(k + 1) - SpecialFunctions.GammaLn(n - k + 1);

    /// <summary>Hypergeometric pmf, SciPy's <c>hypergeom.pmf(k, total, successes, draws)</c>.</summary>
    public static double HypergeometricPmf(long k, long total, long successes, long draws)
    {
        if (k < Math.Max(0, draws - (total - successes)) || k > Math.Min(successes, draws)) return 0;
        return Math.Exp(LogBinomial(successes, k) + LogBinomial(total - successes, draws - k) - LogBinomial(total, draws));
    }
}
