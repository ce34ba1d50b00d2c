using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Assessments.Scoring;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Assessments;

/// <summary>The SQL that reads assessment and answer rows, shared by the store, the gate facts and the system hook.</summary>
internal static class AssessmentRows
{
    public const string Columns =
        "id, system_id, template_id, template_version, status, outcome, inherent_risk, residual_risk, risk_tier, required_controls, score, " +
        "started_by, started_at, submitted_by, submitted_at, answers_sha256, decision, decided_by, decided_at, decision_comment, " +
        "invalidated_by, invalidated_at, invalidation_reason, updated_at, ledger_index";

    public static async Task<Assessment?> FindAsync(DbConnection connection, DbTransaction? tx, string id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM assessments WHERE id = @id", tx).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
    }

    public static async Task<Assessment> GetAsync(DbConnection connection, DbTransaction? tx, string id, CancellationToken ct) =>
        await FindAsync(connection, tx, id, ct).ConfigureAwait(false) ?? throw new NotFoundException($"assessment {id} does not exist");

    /// <summary>Answers by question id, with who answered and when.</summary>
    public static async Task<Dictionary<string, (JsonNode Value, string By, DateTimeOffset At)>> AnswersAsync(
        DbConnection connection, DbTransaction? tx, string id, CancellationToken ct)
    {
        await using var command = connection.Command(
            "SELECT question_id, value, answered_by, answered_at FROM assessment_answers WHERE assessment_id = @id", tx).With("@id", id);
        var answers = new Dictionary<string, (JsonNode, string, DateTimeOffset)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            answers[reader.GetString(0)] = (JsonNode.Parse(reader.GetString(1))!, reader.GetString(2), Timestamps.Parse(reader.GetString(3)));
        return answers;
    }

    public static Assessment Read(DbDataReader r)
    {
        static DateTimeOffset? Time(DbDataReader r, int i) => r.StringOrNull(i) is { } s ? Timestamps.Parse(s) : null;
        static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : (int)r.GetInt64(i);
        return new Assessment(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.StringOrNull(5), Int(r, 6), Int(r, 7), r.StringOrNull(8),
            r.StringOrNull(9) is { } controls ? JsonSerializer.Deserialize<List<string>>(controls) : null,
            r.StringOrNull(10) is { } score ? JsonSerializer.Deserialize<AssessmentScore>(score, GovernanceJson.Options) : null,
            r.GetString(11), Timestamps.Parse(r.GetString(12)), r.StringOrNull(13), Time(r, 14), r.StringOrNull(15),
            r.StringOrNull(16), r.StringOrNull(17), Time(r, 18), r.StringOrNull(19),
            r.StringOrNull(20), Time(r, 21), r.StringOrNull(22), Timestamps.Parse(r.GetString(23)), r.GetInt64(24));
    }
}
