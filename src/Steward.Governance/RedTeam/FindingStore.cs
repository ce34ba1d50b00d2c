using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>
/// Red-team findings: recording (<c>redteam.finding.recorded</c>) and status changes
/// (<c>redteam.finding.status_changed</c>). Accepting a finding's risk needs the id of a current, approved
/// <c>risk_acceptance</c> decision about the same system; that is checked inside the ledger transaction, so a
/// decision superseded at the same moment cannot slip through.
/// </summary>
public sealed class FindingStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    /// <summary>Records a finding; it starts open.</summary>
    public async Task<Finding> RecordAsync(Actor actor, FindingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var systemId = check.Required("system_id", request.SystemId, 64);
        var exerciseId = check.Text("exercise_id", request.ExerciseId, 64) is { Length: > 0 } e ? e : null;
        var title = check.Required("title", request.Title);
        var description = check.Required("description", request.Description, 20_000);
        var severity = check.OneOf("severity", request.Severity, Finding.Severities) ?? "";
        var atlas = RedTeamChecks.AtlasIds(check, request.Atlas);
        var owasp = RedTeamChecks.OwaspIds(check, request.OwaspLlm);
        var evidence = RedTeamChecks.EvidenceList(check, request.Evidence);
        var source = check.OneOf("source", request.Source ?? "manual", Finding.Sources) ?? "";
        check.ThrowIfFailed();

        var evt = events.Create("redteam.finding.recorded", new Subject("system", systemId), actor, []);
        var finding = new Finding(evt.Id.ToString(), systemId, exerciseId, title, description, severity, atlas, owasp, evidence, source,
            "open", null, null, actor.Id, evt.Time, null, null, 0);
        var data = GovernanceJson.ToObject(finding);
        data.Remove("ledger_index");
        var refs = new Dictionary<string, string> { ["finding_id"] = finding.Id };
        if (exerciseId is not null) refs["exercise_id"] = exerciseId;
        evt = evt with { Data = data, Refs = refs };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await InventoryChecks.EnsureSystemExistsAsync(connection, tx, systemId, ct).ConfigureAwait(false);
            if (exerciseId is not null)
            {
                var exercise = await ExerciseStore.FindAsync(connection, tx, exerciseId, ct).ConfigureAwait(false)
                    ?? throw new ValidationFailedException("exercise_id", $"exercise {exerciseId} does not exist");
                if (exercise.SystemId != systemId)
                    throw new ValidationFailedException("exercise_id", $"exercise {exerciseId} is about another system");
            }
            await using var insert = connection.Command(
                "INSERT INTO redteam_findings (id, system_id, exercise_id, severity, status, risk_acceptance, recorded_by, recorded_at, body, facts, ledger_index) " +
                "VALUES (@id, @sid, @eid, @severity, 'open', NULL, @by, @at, @body, @facts, @idx)", tx)
                .With("@id", finding.Id).With("@sid", systemId).With("@eid", exerciseId).With("@severity", severity)
                .With("@by", actor.Id).With("@at", Timestamps.Format(evt.Time))
                .With("@body", Serialize(finding with { LedgerIndex = idx })).With("@facts", FindingsGateFacts.Facts(finding)).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return finding with { LedgerIndex = index };
    }

    /// <summary>
    /// Changes a finding's status. <paramref name="mayAcceptRisk"/> tells whether the actor holds a role that
    /// may accept risk (approver, admin); others may move findings between open and mitigated only.
    /// </summary>
    public async Task<Finding> ChangeStatusAsync(Actor actor, string id, FindingStatusChange change, bool mayAcceptRisk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var check = new Check();
        var status = check.OneOf("status", change.Status, Finding.Statuses) ?? "";
        var note = check.Required("note", change.Note, 4000);
        var decisionId = check.Text("risk_acceptance_decision", change.RiskAcceptanceDecision, 64) is { Length: > 0 } d ? d : null;
        if (status == "risk_accepted" && decisionId is null)
            check.Fail("risk_acceptance_decision", "is required for risk_accepted: the id of an approved risk_acceptance decision about the system");
        if (status is "open" or "mitigated" && decisionId is not null)
            check.Fail("risk_acceptance_decision", "is only given with status risk_accepted");
        check.ThrowIfFailed();
        if (status == "risk_accepted" && !mayAcceptRisk)
            throw new ForbiddenException("accepting a finding's risk needs the approver or admin role");

        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current.Status == status && current.RiskAcceptance == decisionId)
            throw new ConflictException($"finding {id} is already {status}");

        var data = new JsonObject { ["finding_id"] = id, ["from"] = current.Status, ["to"] = status, ["note"] = note };
        var refs = new Dictionary<string, string> { ["finding_id"] = id };
        if (decisionId is not null)
        {
            data["risk_acceptance_decision"] = decisionId;
            refs["decision_id"] = decisionId;
        }
        var evt = events.Create("redteam.finding.status_changed", new Subject("system", current.SystemId), actor, data, refs);
        var changed = current with
        {
            Status = status, RiskAcceptance = decisionId, StatusNote = note, StatusChangedBy = actor.Id, StatusChangedAt = evt.Time,
        };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            if (decisionId is not null)
                await EnsureRiskAcceptanceAsync(connection, tx, decisionId, current.SystemId, ct).ConfigureAwait(false);
            await using var update = connection.Command(
                "UPDATE redteam_findings SET status = @status, risk_acceptance = @decision, body = @body, facts = @facts, ledger_index = @idx " +
                "WHERE id = @id AND ledger_index = @seen", tx)
                .With("@status", status).With("@decision", decisionId).With("@body", Serialize(changed with { LedgerIndex = idx })).With("@facts", FindingsGateFacts.Facts(changed))
                .With("@idx", idx).With("@id", id).With("@seen", current.LedgerIndex);
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new ConflictException($"finding {id} changed concurrently; read it again");
        }, cancellationToken).ConfigureAwait(false);
        return changed with { LedgerIndex = index };
    }

    /// <summary>One finding.</summary>
    public async Task<Finding> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT body FROM redteam_findings WHERE id = @id").With("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body
            ? Deserialize(body)
            : throw new NotFoundException($"finding {id} does not exist");
    }

    /// <summary>Findings in recording order, filtered.</summary>
    public async Task<Page<Finding>> ListAsync(FindingFilter filter, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var check = new Check();
        check.OneOf("status", filter.Status, Finding.Statuses, required: false);
        check.OneOf("severity", filter.Severity, Finding.Severities, required: false);
        check.ThrowIfFailed();
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder("SELECT body FROM redteam_findings WHERE id > @after");
        command.With("@after", Cursor.Decode(cursor) ?? "");
        if (filter.SystemId is not null) { sql.Append(" AND system_id = @sid"); command.With("@sid", filter.SystemId); }
        if (filter.ExerciseId is not null) { sql.Append(" AND exercise_id = @eid"); command.With("@eid", filter.ExerciseId); }
        if (filter.Status is not null) { sql.Append(" AND status = @status"); command.With("@status", filter.Status); }
        if (filter.Severity is not null) { sql.Append(" AND severity = @severity"); command.With("@severity", filter.Severity); }
        command.CommandText = sql.Append(" ORDER BY id LIMIT @limit").ToString();
        command.With("@limit", take + 1);
        var items = new List<Finding>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Deserialize(reader.GetString(0)));
        }
        return Pages.Cut(items, take, x => x.Id);
    }

    /// <summary>Open findings of severity critical or high, of one system or of all.</summary>
    public async Task<long> CountOpenSevereAsync(string? systemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT COUNT(*) FROM redteam_findings WHERE status = 'open' AND severity IN ('critical', 'high')" + (systemId is null ? "" : " AND system_id = @sid"));
        if (systemId is not null) command.With("@sid", systemId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The decision must exist (else 400), and be an approved <c>risk_acceptance</c> about the same system that no
    /// later decision supersedes (else 409).
    /// </summary>
    private static async Task EnsureRiskAcceptanceAsync(DbConnection connection, DbTransaction tx, string decisionId, string systemId, CancellationToken ct)
    {
        string type, kind, subject, outcome;
        await using (var command = connection.Command("SELECT type, subject_kind, subject_id, outcome FROM decisions WHERE id = @id", tx).With("@id", decisionId))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                throw new ValidationFailedException("risk_acceptance_decision", $"decision {decisionId} does not exist");
            (type, kind, subject, outcome) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }
        if (type != "risk_acceptance")
            throw new ConflictException($"decision {decisionId} is a {type} decision, not a risk_acceptance");
        if (kind != "system" || subject != systemId)
            throw new ConflictException($"decision {decisionId} is about {kind} {subject}, not about system {systemId}");
        if (outcome != "approved")
            throw new ConflictException($"decision {decisionId} was {outcome}, not approved");
        await using var superseded = connection.Command("SELECT COUNT(*) FROM decisions WHERE supersedes = @id", tx).With("@id", decisionId);
        if (await superseded.ExistsAsync(ct).ConfigureAwait(false))
            throw new ConflictException($"decision {decisionId} was superseded by a later decision");
    }

    private static string Serialize(Finding finding) => JsonSerializer.Serialize(finding, GovernanceJson.Options);

    internal static Finding Deserialize(string body) =>
        JsonSerializer.Deserialize<Finding>(Encoding.UTF8.GetBytes(body), GovernanceJson.Options) ?? throw new InvalidOperationException("empty finding body");
}
