namespace Steward.Governance.Monitors;

/// <summary>A monitor's late-label counts since it was created.</summary>
/// <param name="Pending">Predictions waiting for their label now.</param>
/// <param name="Matched">Labels joined to their prediction.</param>
/// <param name="Expired">Predictions whose label did not come within <c>label_ttl</c>.</param>
/// <param name="Dropped">Predictions dropped unlabelled to keep <c>max_pending_labels</c> (oldest first).</param>
/// <param name="DuplicateLabels">Labels for an id already labelled (ignored).</param>
/// <param name="UnknownLabels">Labels whose id matched no stored prediction.</param>
/// <param name="LastLabelAt">When labels last arrived.</param>
public sealed record LabelCounts(long Pending, long Matched, long Expired, long Dropped, long DuplicateLabels, long UnknownLabels, DateTimeOffset? LastLabelAt);
