using System.Globalization;
using System.Text;

namespace Steward.Server.Tests.Monitors;

/// <summary>Seeded predictions whose labels come later: txn (row id), age, city, prob, pred, approved (empty in the batch).</summary>
internal sealed class LabelData
{
    private readonly List<(string Id, string City, int Pred, int Truth)> _rows = [];

    public LabelData(int rows, int seed, string prefix)
    {
        var random = new Random(seed);
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        var text = new StringBuilder("txn,age,city,prob,pred,approved\n");
        for (var i = 0; i < rows; i++)
        {
            var (city, prob) = (cities[random.Next(3)], random.NextDouble());
            var pred = prob > 0.5 ? 1 : 0;
            var truth = random.NextDouble() < prob ? 1 : 0;
            var id = $"{prefix}{i}";
            text.Append(CultureInfo.InvariantCulture, $"{id},{30 + random.Next(40)},{city},{prob:F3},{pred},\n");
            _rows.Add((id, city, pred, truth));
        }
        Batch = text.ToString();
    }

    /// <summary>The predictions without labels.</summary>
    public string Batch { get; }

    /// <summary>A labels file for rows [from, to).</summary>
    public string Labels(int from, int to, string extra = "")
    {
        var text = new StringBuilder("txn,approved\n");
        for (var i = from; i < to; i++) text.Append(CultureInfo.InvariantCulture, $"{_rows[i].Id},{_rows[i].Truth}\n");
        return text.Append(extra).ToString();
    }

    /// <summary>Accuracy of rows [from, to).</summary>
    public double Accuracy(int from, int to) => _rows.Skip(from).Take(to - from).Count(r => r.Pred == r.Truth) / (double)(to - from);

    /// <summary>A reference with labels (what the model was trained on).</summary>
    public static string Reference(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,city,prob,pred,approved\n");
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        for (var i = 0; i < rows; i++)
        {
            var prob = random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{30 + random.Next(40)},{cities[random.Next(3)]},{prob:F3},{(prob > 0.5 ? 1 : 0)},{(random.NextDouble() < prob ? 1 : 0)}\n");
        }
        return text.ToString();
    }
}
