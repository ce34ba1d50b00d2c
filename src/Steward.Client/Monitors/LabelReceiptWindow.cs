namespace Steward.Client;

/// <summary>One window a labels post folded labels into.</summary>
/// <param name="Seq">The window.</param>
/// <param name="Status">open (its run will include them), closed or discarded.</param>
/// <param name="Matched">Labels of the post in this window.</param>
/// <param name="RunId">The window's run, when closed.</param>
/// <param name="Revision">The run report's new revision.</param>
/// <param name="ReportSha256">The revised report's SHA-256.</param>
/// <param name="PerformanceBreaches">Thresholds the revised performance crosses.</param>
/// <param name="Degraded">The window's first crossing: the ledger entry is performance.degraded.</param>
public sealed record LabelReceiptWindow(long Seq, string Status, long Matched, string? RunId, int? Revision, string? ReportSha256,
    IReadOnlyList<string> PerformanceBreaches, bool Degraded);
