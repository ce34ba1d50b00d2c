namespace Steward.Pii.Evaluation;

/// <summary>Counts and measures for one entity type (or all of them).</summary>
public sealed class EntityScore
{
    /// <summary>Predicted spans that matched a gold span.</summary>
    public int TruePositives { get; internal set; }

    /// <summary>Predicted spans that matched none.</summary>
    public int FalsePositives { get; internal set; }

    /// <summary>Gold spans no prediction matched.</summary>
    public int FalseNegatives { get; internal set; }

    /// <summary>Gold spans in all.</summary>
    public int Support => TruePositives + FalseNegatives;

    /// <summary>TP / (TP + FP); 0 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when there is no gold span.</summary>
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;

    /// <summary>The F-score with the given beta: (1 + b²)·P·R / (b²·P + R).</summary>
    public double F(double beta)
    {
        var p = Precision;
        var r = Recall;
        var b2 = beta * beta;
        return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
    }

    internal void Add(EntityScore other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }
}
