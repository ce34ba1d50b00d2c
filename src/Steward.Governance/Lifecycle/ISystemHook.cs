using System.Data.Common;
using Steward.Governance.Inventory;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Domain writes that follow a change to a system, run inside the same transaction as the system's ledger
/// entry (so, for example, the intake ticket exists exactly when the registration does). Throwing fails the
/// whole change. Hooks are registered in DI and run in registration order.
/// </summary>
public interface ISystemHook
{
    /// <summary>A system was registered (entry <paramref name="ledgerIndex"/>).</summary>
    Task OnRegisteredAsync(DbConnection connection, DbTransaction transaction, AiSystem system, long ledgerIndex, CancellationToken cancellationToken);

    /// <summary>
    /// A system changed: <paramref name="changedFields"/> names the fields that changed value (snake_case, e.g.
    /// <c>purpose</c>, <c>risk_tier</c>, <c>stage</c>).
    /// </summary>
    Task OnChangedAsync(DbConnection connection, DbTransaction transaction, AiSystem before, AiSystem after,
        IReadOnlyCollection<string> changedFields, long ledgerIndex, CancellationToken cancellationToken);
}

/// <summary>
/// Domain writes that follow an assessment's approval, inside the approval's transaction (the intake ticket
/// is closed by the approval that satisfies it).
/// </summary>
public interface IAssessmentApprovedHook
{
    /// <summary>Assessment <paramref name="assessmentId"/> of <paramref name="systemId"/> was approved with this outcome.</summary>
    Task OnApprovedAsync(DbConnection connection, DbTransaction transaction, string systemId, string assessmentId, string outcome,
        long ledgerIndex, CancellationToken cancellationToken);
}
