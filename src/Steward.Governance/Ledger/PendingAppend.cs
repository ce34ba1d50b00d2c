using Steward.Governance.Events;

namespace Steward.Governance.Ledger;

internal sealed class PendingAppend(GovernanceEvent evt, LedgerApply? apply, CancellationToken cancellationToken)
{
    public GovernanceEvent Event { get; } = evt;
    public LeafTemplate Leaf { get; } = new(evt);
    public LedgerApply? Apply { get; } = apply;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
