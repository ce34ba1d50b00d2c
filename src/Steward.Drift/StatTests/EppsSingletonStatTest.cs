using MathNet.Numerics.LinearAlgebra;
using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>es</c>: SciPy's <c>epps_singleton_2samp</c> (t = 0.4, 0.8 scaled by half the pooled IQR; biased covariances,
/// pseudo-inverse, small-sample correction below 25 values; χ² with the inverse's rank as degrees of freedom);
/// Evidently refuses a zero IQR. Drift when p &lt; 0.05.
/// </summary>
internal sealed class EppsSingletonStatTest : NumericalStatTest
{
    private static readonly double[] T = [0.4, 0.8];

    public override string Name => "es";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (x, y) = Numbers(samples);
        if (x.Length < 5 || y.Length < 5) throw new DriftException("es needs at least 5 values in each sample");
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled, 0);
        y.CopyTo(pooled, x.Length);
        DoubleSort.Sort(pooled);
        var iqr = Percentile(pooled, 75) - Percentile(pooled, 25);
        if (iqr == 0) throw new DriftException("es cannot be computed: the interquartile range of the values is zero");
        var sigma = iqr / 2;
        double nx = x.Length, ny = y.Length, n = nx + ny;
        var (meanX, covX) = Moments(x, sigma);
        var (meanY, covY) = Moments(y, sigma);
        var estimate = covX * (n / nx) + covY * (n / ny);
        var svd = estimate.Svd(computeVectors: true);
        var s = svd.S;
        var cutoff = 1e-15 * s.Maximum();
        var inverseS = Matrix<double>.Build.Dense(4, 4);
        var singularOfInverse = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            if (s[i] > cutoff)
            {
                inverseS[i, i] = 1 / s[i];
                singularOfInverse.Add(1 / s[i]);
            }
        }
        var inverse = svd.VT.Transpose() * inverseS * svd.U.Transpose();
        // NumPy's matrix_rank of the pseudo-inverse: singular values above max · 4 · eps.
        var maxInverse = singularOfInverse.Count == 0 ? 0 : singularOfInverse.Max();
        var rank = singularOfInverse.Count(v => v > maxInverse * 4 * 2.220446049250313e-16);
        var diff = meanX - meanY;
        var w = n * diff.DotProduct(inverse * diff);
        if (Math.Max(nx, ny) < 25) w *= 1.0 / (1.0 + Math.Pow(n, -0.45) + 10.1 * (Math.Pow(nx, -1.7) + Math.Pow(ny, -1.7)));
        return new StatTestOutcome(Distributions.ChiSquareSf(w, rank), w);
    }

    private static (Vector<double> Mean, Matrix<double> Covariance) Moments(double[] values, double sigma)
    {
        var g = Matrix<double>.Build.Dense(values.Length, 4);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                var arg = T[j] / sigma * values[i];
                g[i, j] = Math.Cos(arg);
                g[i, j + 2] = Math.Sin(arg);
            }
        }
        var mean = g.ColumnSums() / values.Length;
        var centered = g - Matrix<double>.Build.Dense(values.Length, 4, (_, j) => mean[j]);
        var covariance = centered.TransposeThisAndMultiply(centered) / values.Length;
        return (mean, covariance);
    }

    /// <summary>NumPy's linear-interpolation percentile of a sorted array.</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var index = q / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(index);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var fraction = index - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * fraction;
    }
}
