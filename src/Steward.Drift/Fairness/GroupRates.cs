namespace Steward.Drift.Fairness;

/// <summary>Confusion counts and rates of one group of a sensitive attribute.</summary>
/// <param name="Group">The attribute's value.</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="TruePositives">y = 1, ŷ = 1.</param>
/// <param name="FalsePositives">y = 0, ŷ = 1.</param>
/// <param name="Positives">Rows with y = 1.</param>
/// <param name="Negatives">Rows with y = 0.</param>
public sealed record GroupRates(string Group, long Count, long TruePositives, long FalsePositives, long Positives, long Negatives)
{
    /// <summary>P(ŷ = 1): the share of the group predicted positive.</summary>
    public double SelectionRate => Count == 0 ? double.NaN : (double)(TruePositives + FalsePositives) / Count;

    /// <summary>P(ŷ = 1 | y = 1); NaN without positives.</summary>
    public double TruePositiveRate => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    /// <summary>P(ŷ = 1 | y = 0); NaN without negatives.</summary>
    public double FalsePositiveRate => Negatives == 0 ? double.NaN : (double)FalsePositives / Negatives;

    internal static GroupRates Of(string group, IEnumerable<(bool Label, bool Prediction)> rows)
    {
        long count = 0, tp = 0, fp = 0, positives = 0;
        foreach (var (label, prediction) in rows)
        {
            count++;
            if (label) positives++;
            if (prediction && label) tp++;
            if (prediction && !label) fp++;
        }
        return new GroupRates(group, count, tp, fp, positives, count - positives);
    }
}
