using System.Data.Common;
using Steward.Governance.Decisions;
using Steward.Governance.Events;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;
using Steward.Policy.Values;

namespace Steward.Governance.PiiScans;

/// <summary>
/// With the gate setting <c>require_clean_pii_scan</c> (<c>data.config.gates</c>, default false) on, a
/// <c>dataset_approval</c> decision approving a dataset is refused unless the dataset's newest completed PII scan
/// passed and was of the dataset's registered SHA-256.
/// </summary>
internal sealed class CleanScanApprovalPrecondition(GatePolicyCache policies) : IDecisionPrecondition
{
    public async Task<string?> RefusalAsync(DbConnection connection, Actor actor, DecisionRequest request, CancellationToken cancellationToken)
    {
        if (request.Type != "dataset_approval" || request.Outcome != "approved" || request.Subject.Kind != "dataset") return null;
        if (!await RequiredAsync(policies, connection, cancellationToken).ConfigureAwait(false)) return null;
        await using var command = connection.Command(
            "SELECT s.id, s.verdict, s.dataset_sha256, d.sha256 FROM datasets d LEFT JOIN pii_scans s ON s.dataset_id = d.id AND s.status = 'completed' " +
            "WHERE d.id = @id ORDER BY s.id DESC LIMIT 1").With("@id", request.Subject.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var id = request.Subject.Id;
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
            return $"require_clean_pii_scan: dataset {id} has no completed PII scan; scan it (steward pii scan FILE --dataset {id}) before approving";
        if (!string.Equals(reader.StringOrNull(2), reader.StringOrNull(3), StringComparison.OrdinalIgnoreCase))
            return $"require_clean_pii_scan: the newest PII scan of dataset {id} ({reader.GetString(0)}) was not of its registered SHA-256; scan the registered file";
        if (reader.StringOrNull(1) != "pass")
            return $"require_clean_pii_scan: the newest PII scan of dataset {id} ({reader.GetString(0)}) failed its rule; redact the data and scan again";
        return null;
    }

    /// <summary>Whether <c>data.config.gates.require_clean_pii_scan</c> is true in the current policy data.</summary>
    internal static async Task<bool> RequiredAsync(GatePolicyCache policies, DbConnection connection, CancellationToken ct)
    {
        var state = await policies.GetAsync(connection, null, ct).ConfigureAwait(false);
        return state.Data.Get("config") is ObjectValue config && config.Get("gates") is ObjectValue gates
            && gates.Get("require_clean_pii_scan") is BooleanValue { Value: true };
    }
}
