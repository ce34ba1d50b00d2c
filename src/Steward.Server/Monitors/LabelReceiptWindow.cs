namespace Steward.Server.Monitors;

/// <summary>One window a labels post folded labels into.</summary>
/// <param name="Seq">The window.</param>
/// <param name="Status"><c>open</c> (its run will include them), <c>closed</c> or <c>discarded</c>.</param>
/// <param name="Matched">Labels of this post in the window.</param>
/// <param name="RunId">The window's run, when closed.</param>
/// <param name="Revision">The run report's new revision, when the run had a verdict.</param>
/// <param name="ReportSha256">The revised report's SHA-256.</param>
/// <param name="PerformanceBreaches">Thresholds the revised performance crosses.</param>
/// <param name="Degraded">This revision is the window's first crossing: the post's ledger entry is <c>performance.degraded</c>.</param>
internal sealed record LabelReceiptWindow(long Seq, string Status, long Matched, string? RunId, int? Revision, string? ReportSha256,
    IReadOnlyList<string> PerformanceBreaches, bool Degraded);
