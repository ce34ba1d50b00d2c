namespace Steward.Drift.Performance;

/// <summary>One metric on the reference and the current data.</summary>
/// <param name="Name">The metric's report name (<c>accuracy</c>, <c>mae</c>...).</param>
/// <param name="Reference">On the reference data; NaN when unknown or undefined.</param>
/// <param name="Current">On the current data; NaN when undefined.</param>
public sealed record MetricChange(string Name, double Reference, double Current)
{
    /// <summary>Current − reference (NaN when either is undefined).</summary>
    public double Change => Current - Reference;
}
