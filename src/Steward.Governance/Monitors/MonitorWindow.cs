namespace Steward.Governance.Monitors;

/// <summary>A window of production data: open until a run closes it.</summary>
/// <param name="Seq">1, 2, ... per monitor.</param>
/// <param name="Status">open, closed, or discarded (when the reference changed under it).</param>
/// <param name="OpenedAt">When it opened (the previous window's close, or the monitor's creation).</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Rows">Rows folded in.</param>
/// <param name="Batches">Batches folded in.</param>
public sealed record MonitorWindow(long Seq, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long Rows, long Batches);
