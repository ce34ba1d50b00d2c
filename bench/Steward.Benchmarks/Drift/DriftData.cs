using Steward.Drift;

namespace Steward.Benchmarks.Drift;

/// <summary>Generated reference and current tables for the drift benchmarks: numerical columns of several shapes, some shifted, and a few low-cardinality columns.</summary>
internal static class DriftData
{
    public static (DriftTable Reference, DriftTable Current) Tables(int rows, int columns, int seed = 42)
    {
        var reference = new DriftColumn[columns];
        var current = new DriftColumn[columns];
        Parallel.For(0, columns, c =>
        {
            var random = new Random(seed + c);
            // Every 10th column has 4 values (jensenshannon by default), the rest are continuous (wasserstein); a third of the columns shift.
            var shift = c % 3 == 0 ? 0.25 : 0.0;
            reference[c] = DriftColumn.FromNumbers($"f{c}", Column(random, rows, c, 0));
            current[c] = DriftColumn.FromNumbers($"f{c}", Column(random, rows, c, shift));
        });
        return (new DriftTable(reference), new DriftTable(current));
    }

    public static double[] Column(Random random, int rows, int kind, double shift)
    {
        var values = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            values[i] = (kind % 10) switch
            {
                0 => Math.Floor(random.NextDouble() * 4 + shift * 2),
                1 => -Math.Log(1 - random.NextDouble()) * (1 + shift),
                2 => Math.Round(random.NextDouble() * 100 + shift * 30, 1),
                _ => shift + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()),
            };
        }
        return values;
    }
}
