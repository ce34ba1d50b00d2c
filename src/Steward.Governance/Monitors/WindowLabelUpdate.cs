namespace Steward.Governance.Monitors;

/// <summary>What a labels post does to one window: its quality state moves from <paramref name="ExpectedQuality"/> to <paramref name="NewQuality"/>.</summary>
/// <param name="Seq">The window.</param>
/// <param name="ExpectedStatus">Its status when planned (a run closing it meanwhile makes the post plan again).</param>
/// <param name="ExpectedQuality">Its state when planned (a batch or labels changing it meanwhile make the post plan again).</param>
/// <param name="NewQuality">The state with the labels folded in.</param>
/// <param name="Matched">Labels of this post matched to the window.</param>
/// <param name="Revision">The run report's new revision, for a window whose run has a verdict.</param>
public sealed record WindowLabelUpdate(long Seq, string ExpectedStatus, string? ExpectedQuality, string NewQuality, long Matched, RunRevision? Revision);
