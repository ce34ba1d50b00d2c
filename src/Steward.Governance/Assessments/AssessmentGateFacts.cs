using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.Assessments;

/// <summary>
/// <c>input.assessments</c> for gate policies: one object per assessment of the system, oldest first, read with one
/// indexed query inside the gate's transaction. Fields: id, template, template_version, status, outcome,
/// inherent_risk, residual_risk, risk_tier, required_controls, submitted_by, submitted_at, approved_by,
/// approved_at, invalidated_at, invalidation_reason (times RFC 3339 UTC; null when not reached).
/// </summary>
internal sealed class AssessmentGateFacts : IGateFactsSource
{
    public string Name => "assessments";

    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.Command(
            "SELECT id, template_id, template_version, status, outcome, inherent_risk, residual_risk, risk_tier, required_controls, " +
            "submitted_by, submitted_at, decision, decided_by, decided_at, invalidated_at, invalidation_reason " +
            "FROM assessments WHERE system_id = @sid ORDER BY id", transaction).With("@sid", systemId);
        var facts = new JsonArray();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var approved = r.StringOrNull(11) == Assessment.Approved;
            facts.Add(new JsonObject
            {
                ["id"] = r.GetString(0),
                ["template"] = r.GetString(1),
                ["template_version"] = r.GetInt64(2),
                ["status"] = r.GetString(3),
                ["outcome"] = r.StringOrNull(4),
                ["inherent_risk"] = r.IsDBNull(5) ? null : r.GetInt64(5),
                ["residual_risk"] = r.IsDBNull(6) ? null : r.GetInt64(6),
                ["risk_tier"] = r.StringOrNull(7),
                ["required_controls"] = r.StringOrNull(8) is { } controls ? JsonNode.Parse(controls) : new JsonArray(),
                ["submitted_by"] = r.StringOrNull(9),
                ["submitted_at"] = Time(r.StringOrNull(10)),
                ["approved_by"] = approved ? r.StringOrNull(12) : null,
                ["approved_at"] = approved ? Time(r.StringOrNull(13)) : null,
                ["invalidated_at"] = Time(r.StringOrNull(14)),
                ["invalidation_reason"] = r.StringOrNull(15),
            });
        }
        return facts;
    }

    // Every time column is written by Timestamps.Format: already RFC 3339 UTC with microseconds and 'Z'.
    private static string? Time(string? stored) => stored;
}
