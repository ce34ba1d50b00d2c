namespace Steward.Governance.Monitors;

/// <summary>A window that late labels fold into, as read before the fold.</summary>
/// <param name="Seq">The window.</param>
/// <param name="Status"><c>open</c>, <c>closed</c> or <c>discarded</c>.</param>
/// <param name="Quality">Its performance and fairness state (null: none yet).</param>
/// <param name="PendingLabels">Its predictions still waiting for labels.</param>
/// <param name="Run">Its run (closed windows), with the report of <paramref name="Revision"/>.</param>
/// <param name="Revision">The run report's latest revision: 0 for the run's own report.</param>
public sealed record LabelWindow(long Seq, string Status, string? Quality, long PendingLabels, MonitorRun? Run, int Revision);
