namespace Steward.Pii.Anonymization;

/// <summary>A mutable copy of a span while conflicts are resolved (Presidio's merge step widens spans in place).</summary>
internal sealed class WorkingSpan(EntitySpan span)
{
    public string EntityType { get; } = span.EntityType;
    public int Start { get; set; } = span.Start;
    public int End { get; set; } = span.End;
    public double Score { get; set; } = span.Score;

    /// <summary>The number of shared characters; 0 when disjoint or only touching.</summary>
    public int Intersects(WorkingSpan other) =>
        End < other.Start || other.End < Start ? 0 : Math.Min(End, other.End) - Math.Max(Start, other.Start);

    public bool SamePosition(WorkingSpan other) => Start == other.Start && End == other.End;

    public bool Contains(WorkingSpan other) => Start <= other.Start && End >= other.End;

    /// <summary>Presidio's <c>has_conflict</c>: same position and a lower or equal score, or contained in the other.</summary>
    public bool ConflictsWith(WorkingSpan other) => SamePosition(other) ? Score <= other.Score : other.Contains(this);
}
