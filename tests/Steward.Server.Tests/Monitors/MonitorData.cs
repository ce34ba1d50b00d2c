using System.Globalization;
using System.Text;

namespace Steward.Server.Tests.Monitors;

/// <summary>Seeded tabular data for monitor tests: age (number), city (category), score (the prediction), approved (the label).</summary>
internal static class MonitorData
{
    public static string Csv(int rows, int seed, double ageShift = 0, string header = "age,city,score,approved")
    {
        var random = new Random(seed);
        var text = new StringBuilder(header).Append('\n');
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        for (var i = 0; i < rows; i++)
        {
            var age = 40 + ageShift + (random.NextDouble() - 0.5) * 30;
            var score = random.NextDouble();
            text.Append(age.ToString("F2", CultureInfo.InvariantCulture)).Append(',').Append(cities[random.Next(3)]).Append(',')
                .Append(score.ToString("F3", CultureInfo.InvariantCulture)).Append(',').Append(score > 0.5 ? 1 : 0).Append('\n');
        }
        return text.ToString();
    }

    public static string Jsonl(int rows, int seed, double ageShift = 0)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        for (var i = 0; i < rows; i++)
        {
            var age = 40 + ageShift + (random.NextDouble() - 0.5) * 30;
            var score = random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{{\"age\":{age:F2},\"city\":\"{cities[random.Next(3)]}\",\"score\":{score:F3},\"approved\":{(score > 0.5 ? 1 : 0)}}}\n");
        }
        return text.ToString();
    }

    public static object Definition(string name) => new
    {
        name, endpoint = "credit-api", window = "P1D", features = new[] { "age", "city" }, prediction = "score", label = "approved",
        drift_share = 0.3, min_rows = 30,
    };
}
