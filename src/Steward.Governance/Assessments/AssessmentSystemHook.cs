using System.Data.Common;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.Assessments;

/// <summary>
/// A material change of a system (its <c>purpose</c> or <c>risk_tier</c>) invalidates its submitted and approved
/// assessments inside the change's own transaction: the <c>system.updated</c> entry (named in the reason) is the
/// ledger evidence, and no gate can see the change without the invalidation.
/// </summary>
internal sealed class AssessmentSystemHook : ISystemHook
{
    /// <summary>The system fields whose change makes an assessment stale.</summary>
    public static readonly string[] MaterialFields = ["purpose", "risk_tier"];

    public Task OnRegisteredAsync(DbConnection connection, DbTransaction transaction, AiSystem system, long ledgerIndex, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public async Task OnChangedAsync(DbConnection connection, DbTransaction transaction, AiSystem before, AiSystem after,
        IReadOnlyCollection<string> changedFields, long ledgerIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(changedFields);
        var material = MaterialFields.Where(changedFields.Contains).ToList();
        if (material.Count == 0) return;
        var reason = $"material change of the system: {string.Join(" and ", material)} changed (ledger entry {ledgerIndex}, system.updated)";
        var at = Timestamps.Format(after.UpdatedAt);
        await using var update = connection.Command(
            "UPDATE assessments SET status = @invalidated, invalidated_by = @by, invalidated_at = @at, invalidation_reason = @reason, updated_at = @at " +
            "WHERE system_id = @sid AND status IN (@submitted, @approved)", transaction)
            .With("@invalidated", Assessment.Invalidated).With("@by", Actor.System.Id).With("@at", at).With("@reason", reason)
            .With("@sid", after.Id).With("@submitted", Assessment.Submitted).With("@approved", Assessment.Approved);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
