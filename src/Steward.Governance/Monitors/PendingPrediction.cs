namespace Steward.Governance.Monitors;

/// <summary>A prediction that arrived without its label: what performance and fairness need once the label comes.</summary>
/// <param name="RowId">The row id (the monitor's <c>id_column</c>).</param>
/// <param name="Prediction">The prediction as read.</param>
/// <param name="Score">The positive class's score, when the monitor names a score column and the row has one.</param>
/// <param name="Groups">The row's sensitive attributes (attribute to group), when present.</param>
public sealed record PendingPrediction(string RowId, string Prediction, double? Score, IReadOnlyDictionary<string, string>? Groups);
