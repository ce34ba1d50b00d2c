using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>The answer to an acknowledged batch: stored in the window before this is sent.</summary>
/// <param name="MonitorId">The monitor.</param>
/// <param name="Rows">Rows in the batch.</param>
/// <param name="Window">The window the batch went into, with its totals.</param>
/// <param name="IgnoredColumns">Batch columns the reference profile does not have (not stored).</param>
/// <param name="MissingColumns">Reference columns the batch did not give (counted as missing values).</param>
/// <param name="Labels">With an <c>id_column</c>: the predictions stored to wait for their labels.</param>
internal sealed record BatchReceipt(string MonitorId, long Rows, MonitorWindow Window, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<string> MissingColumns,
    BatchLabels? Labels = null);
