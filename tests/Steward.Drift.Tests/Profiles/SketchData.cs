using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>Seeded samples of several shapes for the sketch tests.</summary>
internal static class SketchData
{
    public static readonly string[] Shapes = ["normal", "lognormal", "uniform", "exponential", "bimodal", "integers"];

    public static double[] Sample(string shape, int n, int seed, double shift = 0)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = shift + shape switch
            {
                "normal" => Normal(),
                "lognormal" => Math.Exp(Normal()),
                "uniform" => random.NextDouble() * 10,
                "exponential" => -Math.Log(1 - random.NextDouble()),
                "bimodal" => random.Next(2) == 0 ? Normal() - 3 : Normal() + 3,
                _ => random.Next(5000),
            };
        }
        return values;
    }

    /// <summary>A profile of <paramref name="values"/> built from <paramref name="batches"/> merged batches, round-tripped through JSON.</summary>
    public static DriftProfile Profile(double[] values, int batches, ProfileMode mode = ProfileMode.Sketch, int k = ProfileOptions.DefaultSketchK)
    {
        var options = new ProfileOptions { Mode = mode, SketchK = k };
        DriftProfile? merged = null;
        var size = (values.Length + batches - 1) / batches;
        for (var b = 0; b < batches; b++)
        {
            var batch = DriftProfile.FromTable(Table(values[(b * size)..Math.Min(values.Length, (b + 1) * size)]), options);
            merged = merged is null ? batch : merged.Merge(batch);
        }
        return ExactProfileTests.RoundTrip(merged!);
    }

    /// <summary>A one-column table "x".</summary>
    public static DriftTable Table(double[] values) => new([DriftColumn.FromNumbers("x", values)]);

    /// <summary>The single column's result of <paramref name="test"/> between two profiles.</summary>
    public static ColumnDriftResult Run(DriftProfile reference, DriftProfile current, string test) =>
        DriftEngine.Run(reference, current, new DriftOptions { StatTest = test }).Columns[0];

    /// <summary>The single column's result of <paramref name="test"/> between two tables.</summary>
    public static ColumnDriftResult Run(DriftTable reference, DriftTable current, string test) =>
        DriftEngine.Run(reference, current, new DriftOptions { StatTest = test }).Columns[0];
}
