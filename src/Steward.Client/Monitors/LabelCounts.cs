namespace Steward.Client;

/// <summary>A monitor's late-label counts since it was created.</summary>
/// <param name="Pending">Predictions waiting for their label.</param>
/// <param name="Matched">Labels joined to their prediction.</param>
/// <param name="Expired">Predictions whose label did not come in time.</param>
/// <param name="Dropped">Predictions dropped unlabelled to keep the bound.</param>
/// <param name="DuplicateLabels">Labels for an id already labelled.</param>
/// <param name="UnknownLabels">Labels whose id matched no prediction.</param>
/// <param name="LastLabelAt">When labels last arrived.</param>
public sealed record LabelCounts(long Pending, long Matched, long Expired, long Dropped, long DuplicateLabels, long UnknownLabels, DateTimeOffset? LastLabelAt);
