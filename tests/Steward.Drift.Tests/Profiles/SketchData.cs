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
}
