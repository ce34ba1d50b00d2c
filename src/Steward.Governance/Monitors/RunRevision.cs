namespace Steward.Governance.Monitors;

/// <summary>A new revision of a run's report, made because late labels changed its window's performance.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Revision">1, 2, ... (the run's own report is 0).</param>
/// <param name="ReportJson">The revised report (UTF-8 JSON).</param>
/// <param name="ReportSha256">Its SHA-256.</param>
/// <param name="PreviousSha256">The SHA-256 of the report it replaces as the latest.</param>
/// <param name="LabelsMatched">Labels the window had received after its run, this post's included.</param>
/// <param name="Breaches">Performance thresholds the revised metrics cross.</param>
/// <param name="Degraded">Whether this revision is the first of its window to cross a threshold (the run itself did not): raises <c>performance.degraded</c>.</param>
public sealed record RunRevision(string RunId, int Revision, byte[] ReportJson, string ReportSha256, string PreviousSha256, long LabelsMatched,
    IReadOnlyList<string> Breaches, bool Degraded);
