using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>
/// <c>input.findings</c> of gate policies: every red-team finding of the system, oldest first, as
/// <c>{id, exercise_id, title, severity, status, atlas, owasp_llm, recorded_at, risk_acceptance, risk_acceptance_current}</c>.
/// <c>risk_acceptance_current</c> is false when the accepting decision has since been superseded. The facts of each
/// finding are stored as JSON when it is written (<see cref="Facts"/>), so collecting them is one query and one parse.
/// </summary>
internal sealed class FindingsGateFacts : IGateFactsSource
{
    public string Name => "findings";

    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken) =>
        JsonNode.Parse(await JsonAsync(connection, transaction, systemId, cancellationToken).ConfigureAwait(false))!;

    // Every change of a finding moves its ledger_index forward, and whether an acceptance is current depends only on
    // decisions about the same system (a decision can supersede only one about its own subject). So (findings count,
    // their largest ledger_index, the system's decision count and newest decision id) names the facts exactly, and
    // the values built for it are reused until one of those moves.
    private const int MaxCachedSystems = 512;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stamp, Steward.Policy.Values.Value Value)> _cache =
        new(StringComparer.Ordinal);

    // The gate reads values: parse the JSON text straight into them, without building nodes first.
    public async Task<Steward.Policy.Values.Value> CollectValueAsync(DbConnection connection, DbTransaction? transaction, string systemId,
        CancellationToken cancellationToken)
    {
        string stamp;
        await using (var command = connection.Command(
            "SELECT (SELECT COUNT(*) FROM redteam_findings WHERE system_id = @sid), (SELECT MAX(ledger_index) FROM redteam_findings WHERE system_id = @sid), " +
            "(SELECT COUNT(*) FROM decisions WHERE subject_kind = 'system' AND subject_id = @sid), " +
            "(SELECT MAX(id) FROM decisions WHERE subject_kind = 'system' AND subject_id = @sid)", transaction).With("@sid", systemId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            stamp = string.Join('|', Enumerable.Range(0, 4).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (_cache.TryGetValue(systemId, out var hit) && hit.Stamp == stamp) return hit.Value;
        var value = Steward.Policy.Values.ValueJson.Parse(await JsonAsync(connection, transaction, systemId, cancellationToken).ConfigureAwait(false));
        if (_cache.Count >= MaxCachedSystems) _cache.Clear();
        _cache[systemId] = (stamp, value);
        return value;
    }

    private static async Task<string> JsonAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT f.facts, CASE WHEN f.risk_acceptance IS NULL THEN 0 WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.supersedes = f.risk_acceptance) THEN 1 ELSE 2 END " +
            "FROM redteam_findings f WHERE f.system_id = @sid ORDER BY f.id", transaction).With("@sid", systemId);
        var json = new StringBuilder("[");
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // facts is our own serialization of an object without risk_acceptance_current: close it with that member.
                var facts = reader.GetString(0);
                // 0: no acceptance, 1: accepted by a decision since superseded, 2: accepted by a current decision.
                var current = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 2;
                if (json.Length > 1) json.Append(',');
                json.Append(facts, 0, facts.Length - 1).Append(",\"risk_acceptance_current\":").Append(current ? "true" : "false").Append('}');
            }
        }
        return json.Append(']').ToString();
    }

    /// <summary>The stored gate facts of a finding (all but <c>risk_acceptance_current</c>), as compact JSON.</summary>
    internal static string Facts(Finding f)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", f.Id);
            Nullable(writer, "exercise_id", f.ExerciseId);
            writer.WriteString("title", f.Title);
            writer.WriteString("severity", f.Severity);
            writer.WriteString("status", f.Status);
            Array(writer, "atlas", f.Atlas);
            Array(writer, "owasp_llm", f.OwaspLlm);
            writer.WriteString("recorded_at", Timestamps.Format(f.RecordedAt));
            Nullable(writer, "risk_acceptance", f.RiskAcceptance);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void Array(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
