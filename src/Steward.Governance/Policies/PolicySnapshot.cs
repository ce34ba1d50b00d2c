namespace Steward.Governance.Policies;

/// <summary>Everything policies are evaluated against, as of one revision.</summary>
/// <param name="Revision">The ledger index of the latest policy change, or -1 when nothing was ever stored.</param>
/// <param name="Modules">The current modules by id.</param>
/// <param name="Data">The latest version of each data path (deletions included), in ledger order.</param>
public sealed record PolicySnapshot(long Revision, IReadOnlyList<PolicyModule> Modules, IReadOnlyList<PolicyDataDocument> Data);
