using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>
/// <c>input.findings</c> of gate policies: every red-team finding of the system, oldest first, as
/// <c>{id, exercise_id, title, severity, status, atlas, owasp_llm, risk_acceptance, risk_acceptance_current, recorded_at}</c>.
/// <c>risk_acceptance_current</c> is false when the accepting decision has since been superseded.
/// </summary>
internal sealed class FindingsGateFacts : IGateFactsSource
{
    public string Name => "findings";

    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT f.body, (SELECT COUNT(*) FROM decisions d WHERE d.supersedes = f.risk_acceptance) FROM redteam_findings f " +
            "WHERE f.system_id = @sid ORDER BY f.id", transaction).With("@sid", systemId);
        var facts = new JsonArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var f = FindingStore.Deserialize(reader.GetString(0));
            var superseded = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) > 0;
            facts.Add(new JsonObject
            {
                ["id"] = f.Id,
                ["exercise_id"] = f.ExerciseId,
                ["title"] = f.Title,
                ["severity"] = f.Severity,
                ["status"] = f.Status,
                ["atlas"] = new JsonArray(f.Atlas.Select(a => (JsonNode?)a).ToArray()),
                ["owasp_llm"] = new JsonArray(f.OwaspLlm.Select(o => (JsonNode?)o).ToArray()),
                ["risk_acceptance"] = f.RiskAcceptance,
                ["risk_acceptance_current"] = f.RiskAcceptance is not null && !superseded,
                ["recorded_at"] = Timestamps.Format(f.RecordedAt),
            });
        }
        return facts;
    }
}
