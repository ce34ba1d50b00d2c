namespace Steward.Drift.StatTests;

/// <summary>
/// <c>empirical_mmd</c>: Evidently's unbiased squared maximum mean discrepancy with a Gaussian kernel whose σ is
/// √(½ · median of the squared reference–reference distances) (NumPy's "nearest" percentile; 1/√2 when that is 0); the statistic is exact.
/// The p-value is the share of 100 seeded permutations of the pooled sample whose MMD is at least the observed one (Evidently's
/// permutations are unseeded, so no implementation reproduces its p-value). The kernel matrix is quadratic: samples larger than
/// <see cref="MaxSampleSize"/> are reduced to a seeded random subsample of that size first. Drift when p &lt; 0.1.
/// </summary>
internal sealed class MmdStatTest : NumericalStatTest
{
    internal const int MaxSampleSize = 1000;
    internal const int Permutations = 100;

    public override string Name => "empirical_mmd";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (r, c) = Numbers(samples);
        if (r.Length < 2 || c.Length < 2) throw new DriftException("empirical_mmd needs at least two values in each sample");
        var random = new Random(samples.Seed);
        var x = Subsample(r, random);
        var y = Subsample(c, random);
        var sigma = Sigma(x);
        var gamma = 1.0 / (2.0 * sigma * sigma);
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled, 0);
        y.CopyTo(pooled, x.Length);
        var n = pooled.Length;
        var kernel = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                kernel[i * n + j] = i == j ? 0 : Math.Exp(-gamma * ((pooled[j] * pooled[j]) - 2 * pooled[i] * pooled[j] + (pooled[i] * pooled[i])));
        var index = new int[n];
        for (var i = 0; i < n; i++) index[i] = i;
        var observed = Statistic(kernel, n, index, x.Length);
        var atLeast = 0;
        for (var p = 0; p < Permutations; p++)
        {
            random.Shuffle(index);
            if (observed <= Statistic(kernel, n, index, x.Length)) atLeast++;
        }
        return new StatTestOutcome((double)atLeast / Permutations, observed);
    }

    /// <summary>A·ΣKxx + B·ΣKyy − 2·mean(Kxy) with zeroed diagonals, for the split given by <paramref name="index"/>.</summary>
    private static double Statistic(double[] kernel, int n, int[] index, int nx)
    {
        var ny = n - nx;
        double sxx = 0, syy = 0, sxy = 0;
        for (var a = 0; a < n; a++)
        {
            var row = index[a] * n;
            for (var b = 0; b < n; b++)
            {
                var value = kernel[row + index[b]];
                if (a < nx && b < nx) sxx += value;
                else if (a >= nx && b >= nx) syy += value;
                else if (a >= nx && b < nx) sxy += value;
            }
        }
        return sxx / (nx * (nx - 1.0)) + syy / (ny * (ny - 1.0)) - 2.0 * sxy / ((double)nx * ny);
    }

    private static double Sigma(double[] x)
    {
        var n = x.Length;
        var distances = new double[(long)n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                distances[(long)i * n + j] = (x[j] * x[j]) - 2 * x[i] * x[j] + (x[i] * x[i]);
        var position = Math.Round(0.5 * (distances.Length - 1), MidpointRounding.ToEven);
        var median = Select(distances, (int)position);
        var sigma = Math.Sqrt(0.5 * median);
        return sigma == 0 ? Math.Sqrt(0.5) : sigma;
    }

    private static double Select(double[] values, int k)
    {
        Array.Sort(values);
        return values[k];
    }

    private static double[] Subsample(double[] values, Random random)
    {
        if (values.Length <= MaxSampleSize) return values;
        var copy = (double[])values.Clone();
        for (var i = 0; i < MaxSampleSize; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy[..MaxSampleSize];
    }
}
