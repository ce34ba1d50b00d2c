namespace Steward.Client;

/// <summary>A window of production data.</summary>
/// <param name="Seq">1, 2, ...</param>
/// <param name="Status">open, closed or discarded.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Rows">Rows folded in.</param>
/// <param name="Batches">Batches folded in.</param>
public sealed record MonitorWindow(long Seq, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long Rows, long Batches);
