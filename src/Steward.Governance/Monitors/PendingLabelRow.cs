namespace Steward.Governance.Monitors;

/// <summary>A stored prediction found for a label's row id.</summary>
/// <param name="RowId">The row id.</param>
/// <param name="WindowSeq">The window the prediction belongs to.</param>
/// <param name="State"><c>pending</c>, <c>labelled</c>, <c>expired</c> or <c>dropped</c>.</param>
/// <param name="ExpiresAt">When it stops waiting.</param>
/// <param name="Prediction">The prediction (pending rows only).</param>
/// <param name="Score">The score, when stored.</param>
/// <param name="Groups">Sensitive attribute to group, when stored.</param>
public sealed record PendingLabelRow(string RowId, long WindowSeq, string State, DateTimeOffset ExpiresAt, string? Prediction, double? Score,
    IReadOnlyDictionary<string, string>? Groups);
