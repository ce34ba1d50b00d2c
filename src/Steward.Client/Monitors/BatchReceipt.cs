namespace Steward.Client;

/// <summary>The answer to an acknowledged batch.</summary>
/// <param name="MonitorId">The monitor.</param>
/// <param name="Rows">Rows in the batch.</param>
/// <param name="Window">The window it went into, with its totals.</param>
/// <param name="IgnoredColumns">Batch columns the reference does not have.</param>
/// <param name="MissingColumns">Reference columns the batch did not give.</param>
/// <param name="Labels">With an id column: the predictions stored to wait for their labels.</param>
public sealed record BatchReceipt(string MonitorId, long Rows, MonitorWindow Window, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<string> MissingColumns,
    BatchLabels? Labels = null);
