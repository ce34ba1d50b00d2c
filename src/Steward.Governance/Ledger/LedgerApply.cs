using System.Data.Common;

namespace Steward.Governance.Ledger;

/// <summary>
/// Domain writes that belong to a ledger entry: run inside the sequencer's transaction, so the row and
/// its ledger entry commit together or not at all. Throwing undoes both and fails only this entry.
/// </summary>
public delegate Task LedgerApply(DbConnection connection, DbTransaction transaction, long index, CancellationToken cancellationToken);
