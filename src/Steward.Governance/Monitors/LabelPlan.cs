namespace Steward.Governance.Monitors;

/// <summary>A labels post, computed against what was stored and applied in one transaction if nothing changed meanwhile.</summary>
/// <param name="Monitor">The monitor.</param>
/// <param name="Now">The time the plan used for expiry.</param>
/// <param name="Matched">Row ids whose waiting prediction got its label.</param>
/// <param name="Windows">Per window touched, its new state.</param>
/// <param name="Unknown">Labels whose id no stored prediction has.</param>
/// <param name="Duplicates">Labels for an id already labelled (earlier, or earlier in this post): ignored, the first label wins.</param>
public sealed record LabelPlan(DriftMonitor Monitor, DateTimeOffset Now, IReadOnlyList<string> Matched, IReadOnlyList<WindowLabelUpdate> Windows, long Unknown, long Duplicates);
