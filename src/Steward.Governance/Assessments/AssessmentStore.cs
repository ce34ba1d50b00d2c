using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Steward.Governance.Assessments.Scoring;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Paging;
using Steward.Governance.Storage;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Assessments;

/// <summary>
/// The assessment workflow. Every step is one ledger entry whose domain write checks the state inside the
/// sequencer's transaction (<c>assessment.started</c>, <c>.answered</c>, <c>.submitted</c>, <c>.approved</c>,
/// <c>.rejected</c>, <c>.invalidated</c>), so two approvers racing yield one approval. Whoever submitted an
/// assessment, or registered its system, cannot approve or reject it; the refusal is recorded
/// (<c>assessment.self_approval_refused</c>).
/// </summary>
public sealed partial class AssessmentStore(
    StewardDatabase db, LedgerStore ledger, EventFactory events, TemplateCatalog templates, AssessmentOptions options,
    IEnumerable<IAssessmentApprovedHook>? hooks = null)
{
    private readonly IAssessmentApprovedHook[] _hooks = hooks?.ToArray() ?? [];

    /// <summary>Starts a draft on a template version (the latest active one unless <paramref name="version"/> is given).</summary>
    public async Task<Assessment> StartAsync(Actor actor, string systemId, string? templateId, long? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = new Check();
        var template = check.Text("template", templateId, 64) ?? options.DefaultTemplate;
        if (!TemplateIdPattern().IsMatch(template)) check.Fail("template", "must match ^[a-z][a-z0-9-]{1,63}$");
        if (version is < 1) check.Fail("template_version", "must be 1 or more");
        check.ThrowIfFailed();
        TemplateDetail detail;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await EnsureSystemAsync(connection, null, systemId, cancellationToken).ConfigureAwait(false);
            detail = await templates.LoadAsync(connection, null, template, version, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationFailedException("template", version is null ? $"template '{template}' has no active version" : $"template '{template}' version {version} does not exist");
        }
        EnsureActive(detail.Version, "start an assessment on");

        var evt = events.Create("assessment.started", new Subject("system", systemId), actor, []);
        var id = evt.Id.ToString();
        evt = evt with
        {
            Data = new JsonObject
            {
                ["assessment_id"] = id, ["template"] = detail.Version.Id, ["template_version"] = detail.Version.Version,
                ["template_sha256"] = detail.Version.Sha256,
            },
            Refs = new Dictionary<string, string> { ["assessment_id"] = id },
        };
        var at = Timestamps.Format(evt.Time);
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await EnsureSystemAsync(connection, tx, systemId, ct).ConfigureAwait(false);
            await EnsureTemplateActiveAsync(connection, tx, detail.Version.Id, detail.Version.Version, "start an assessment on", ct).ConfigureAwait(false);
            await using var insert = connection.Command(
                $"INSERT INTO assessments ({AssessmentRows.Columns}) VALUES (@id, @sid, @tid, @tv, @status, NULL, NULL, NULL, NULL, NULL, NULL, " +
                "@by, @at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, @at, @idx)", tx)
                .With("@id", id).With("@sid", systemId).With("@tid", detail.Version.Id).With("@tv", detail.Version.Version)
                .With("@status", Assessment.Draft).With("@by", actor.Id).With("@at", at).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new Assessment(id, systemId, detail.Version.Id, detail.Version.Version, Assessment.Draft, null, null, null, null, null, null,
            actor.Id, evt.Time, null, null, null, null, null, null, null, null, null, null, evt.Time, index);
    }

    /// <summary>
    /// Records answers (a null value removes an answer). Each is checked against its question's type, and must be to a
    /// question shown for the answers as they will stand; the assessment must be a draft on an active template version.
    /// </summary>
    public async Task<AssessmentDetail> AnswerAsync(Actor actor, string id, IReadOnlyDictionary<string, JsonNode?> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0) throw new ValidationFailedException("answers", "must name at least one question");
        if (answers.Count > 500) throw new ValidationFailedException("answers", "must have at most 500 entries");
        var (assessment, template) = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var check = new Check();
        var normalized = new JsonObject();
        foreach (var (questionId, value) in answers)
        {
            var question = template.Template.Find(questionId);
            if (question is null) { check.Fail($"answers.{questionId}", $"is not a question of template {template.Version.Id} version {template.Version.Version}"); continue; }
            if (value is null) { normalized[questionId] = null; continue; }
            var (clean, error) = AnswerValues.Check(question, value);
            if (error is not null) check.Fail($"answers.{questionId}", error);
            else normalized[questionId] = clean;
        }
        check.ThrowIfFailed();
        EnsureDraft(assessment);
        EnsureActive(template.Version, "answer");

        var data = new JsonObject
        {
            ["assessment_id"] = id, ["template"] = assessment.TemplateId, ["template_version"] = assessment.TemplateVersion,
            ["answers"] = normalized.DeepClone(), ["answers_sha256"] = Digest(normalized),
        };
        var evt = events.Create("assessment.answered", new Subject("system", assessment.SystemId), actor, data,
            new Dictionary<string, string> { ["assessment_id"] = id });
        var at = Timestamps.Format(evt.Time);
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            var current = await AssessmentRows.GetAsync(connection, tx, id, ct).ConfigureAwait(false);
            EnsureDraft(current);
            await EnsureTemplateActiveAsync(connection, tx, current.TemplateId, current.TemplateVersion, "answer", ct).ConfigureAwait(false);
            var stored = await AssessmentRows.AnswersAsync(connection, tx, id, ct).ConfigureAwait(false);
            var merged = stored.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
            foreach (var (q, v) in normalized)
            {
                if (v is null) merged.Remove(q);
                else merged[q] = v;
            }
            var (visible, _) = Visibility.Resolve(template.Template, merged);
            var shown = visible.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var hidden = new Check();
            foreach (var (q, v) in normalized)
                if (v is not null && !shown.Contains(q))
                    hidden.Fail($"answers.{q}", $"is not shown for the current answers (it depends on: {string.Join(", ", template.Template.Find(q)!.ShowIf!.Questions().Distinct())})");
            hidden.ThrowIfFailed();
            foreach (var (q, v) in normalized)
            {
                await using (var delete = connection.Command("DELETE FROM assessment_answers WHERE assessment_id = @id AND question_id = @q", tx).With("@id", id).With("@q", q))
                    await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                if (v is null) continue;
                await using var insert = connection.Command(
                    "INSERT INTO assessment_answers (assessment_id, question_id, value, answered_by, answered_at, ledger_index) VALUES (@id, @q, @v, @by, @at, @idx)", tx)
                    .With("@id", id).With("@q", q).With("@v", v.ToJsonString()).With("@by", actor.Id).With("@at", at).With("@idx", idx);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await TouchAsync(connection, tx, id, at, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await GetDetailAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits a draft whose visible required questions are all answered, and stores its score.</summary>
    public async Task<Assessment> SubmitAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (assessment, template) = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        EnsureDraft(assessment);
        EnsureActive(template.Version, "submit an assessment on");
        Dictionary<string, JsonNode> answers;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
            answers = (await AssessmentRows.AnswersAsync(connection, null, id, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
        EnsureComplete(template.Template, answers);
        var (_, counted) = Visibility.Resolve(template.Template, answers);
        var digest = Digest(counted);

        var evt = events.Create("assessment.submitted", new Subject("system", assessment.SystemId), actor, [],
            new Dictionary<string, string> { ["assessment_id"] = id });
        var score = AssessmentScorer.Score(template.Template, counted, DateOnly.FromDateTime(evt.Time.UtcDateTime), options);
        var controls = score.RequiredControls.Select(c => c.Id).ToList();
        evt = evt with
        {
            Data = new JsonObject
            {
                ["assessment_id"] = id, ["template"] = assessment.TemplateId, ["template_version"] = assessment.TemplateVersion,
                ["template_sha256"] = template.Version.Sha256, ["answers_sha256"] = digest, ["outcome"] = score.Outcome,
                ["inherent_risk"] = score.InherentRisk, ["residual_risk"] = score.ResidualRisk, ["risk_tier"] = score.RiskTier,
                ["required_controls"] = new JsonArray(score.RequiredControls.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["satisfied"] = c.Satisfied }).ToArray()),
            },
        };
        var at = Timestamps.Format(evt.Time);
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            var current = await AssessmentRows.GetAsync(connection, tx, id, ct).ConfigureAwait(false);
            EnsureDraft(current);
            await EnsureTemplateActiveAsync(connection, tx, current.TemplateId, current.TemplateVersion, "submit an assessment on", ct).ConfigureAwait(false);
            var now = (await AssessmentRows.AnswersAsync(connection, tx, id, ct).ConfigureAwait(false)).ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
            if (Digest(Visibility.Resolve(template.Template, now).Answers) != digest)
                throw new ConflictException("the answers changed while the assessment was being submitted; submit again");
            await using var update = connection.Command(
                "UPDATE assessments SET status = @status, outcome = @outcome, inherent_risk = @inherent, residual_risk = @residual, risk_tier = @tier, " +
                "required_controls = @controls, score = @score, submitted_by = @by, submitted_at = @at, answers_sha256 = @digest, updated_at = @at " +
                "WHERE id = @id AND status = @draft", tx)
                .With("@status", Assessment.Submitted).With("@outcome", score.Outcome).With("@inherent", (long)score.InherentRisk)
                .With("@residual", (long)score.ResidualRisk).With("@tier", score.RiskTier).With("@controls", JsonSerializer.Serialize(controls))
                .With("@score", JsonSerializer.Serialize(score, GovernanceJson.Options)).With("@by", actor.Id).With("@at", at)
                .With("@digest", digest).With("@id", id).With("@draft", Assessment.Draft);
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new ConflictException($"assessment {id} is no longer a draft");
        }, cancellationToken).ConfigureAwait(false);
        return assessment with
        {
            Status = Assessment.Submitted, Outcome = score.Outcome, InherentRisk = score.InherentRisk, ResidualRisk = score.ResidualRisk,
            RiskTier = score.RiskTier, RequiredControls = controls, Score = score, SubmittedBy = actor.Id, SubmittedAt = evt.Time,
            AnswersSha256 = digest, UpdatedAt = evt.Time, LedgerIndex = index,
        };
    }

    /// <summary>Approves a submitted assessment (not by its submitter or its system's registrant); runs the approval hooks in the same transaction.</summary>
    public Task<Assessment> ApproveAsync(Actor actor, string id, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, id, Assessment.Approved, comment, cancellationToken);

    /// <summary>Rejects a submitted assessment (a comment saying why is required); the same separation of duties applies.</summary>
    public Task<Assessment> RejectAsync(Actor actor, string id, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, id, Assessment.Rejected, comment, cancellationToken);

    private async Task<Assessment> DecideAsync(Actor actor, string id, string decision, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = new Check();
        var text = decision == Assessment.Rejected ? check.Required("comment", comment, 4000) : check.Text("comment", comment, 4000);
        check.ThrowIfFailed();
        Assessment assessment;
        string? registrant;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            assessment = await AssessmentRows.GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
            await using var creator = connection.Command("SELECT created_by FROM systems WHERE id = @id").With("@id", assessment.SystemId);
            registrant = await creator.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        EnsureSubmitted(assessment);
        var verb = decision == Assessment.Approved ? "approve" : "reject";
        if (assessment.SubmittedBy == actor.Id)
            await RefuseAsync(actor, assessment, decision, $"separation of duties: {actor.Id} submitted this assessment and cannot {verb} it", cancellationToken).ConfigureAwait(false);
        if (registrant == actor.Id)
            await RefuseAsync(actor, assessment, decision, $"separation of duties: {actor.Id} registered system {assessment.SystemId} and cannot {verb} its assessment", cancellationToken).ConfigureAwait(false);

        var data = new JsonObject
        {
            ["assessment_id"] = id, ["template"] = assessment.TemplateId, ["template_version"] = assessment.TemplateVersion,
            ["answers_sha256"] = assessment.AnswersSha256, ["outcome"] = assessment.Outcome,
            ["risk_tier"] = assessment.RiskTier, ["residual_risk"] = assessment.ResidualRisk, ["submitted_by"] = assessment.SubmittedBy,
        };
        if (text is not null) data["comment"] = text;
        var evt = events.Create($"assessment.{decision}", new Subject("system", assessment.SystemId), actor, data,
            new Dictionary<string, string> { ["assessment_id"] = id });
        var at = Timestamps.Format(evt.Time);
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using (var update = connection.Command(
                "UPDATE assessments SET status = @status, decision = @status, decided_by = @by, decided_at = @at, decision_comment = @comment, updated_at = @at " +
                "WHERE id = @id AND status = @submitted", tx)
                .With("@status", decision).With("@by", actor.Id).With("@at", at).With("@comment", text).With("@id", id).With("@submitted", Assessment.Submitted))
            {
                if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    var now = await AssessmentRows.GetAsync(connection, tx, id, ct).ConfigureAwait(false);
                    throw new ConflictException($"assessment {id} is {now.Status}, not submitted{(now.DecidedBy is { } by ? $" ({now.Status} by {by})" : "")}");
                }
            }
            if (decision == Assessment.Approved)
                foreach (var hook in _hooks)
                    await hook.OnApprovedAsync(connection, tx, assessment.SystemId, id, assessment.Outcome!, idx, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return assessment with { Status = decision, Decision = decision, DecidedBy = actor.Id, DecidedAt = evt.Time, DecisionComment = text, UpdatedAt = evt.Time, LedgerIndex = index };
    }

    /// <summary>Invalidates a submitted or approved assessment (it no longer counts for gates).</summary>
    public async Task<Assessment> InvalidateAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = new Check();
        var why = check.Required("reason", reason, 4000);
        check.ThrowIfFailed();
        Assessment assessment;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
            assessment = await AssessmentRows.GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        if (assessment.Status is not (Assessment.Submitted or Assessment.Approved))
            throw new ConflictException($"assessment {id} is {assessment.Status}; only submitted or approved assessments can be invalidated");
        var data = new JsonObject { ["assessment_id"] = id, ["previous_status"] = assessment.Status, ["reason"] = why, ["answers_sha256"] = assessment.AnswersSha256 };
        var evt = events.Create("assessment.invalidated", new Subject("system", assessment.SystemId), actor, data,
            new Dictionary<string, string> { ["assessment_id"] = id });
        var at = Timestamps.Format(evt.Time);
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var update = connection.Command(
                "UPDATE assessments SET status = @invalidated, invalidated_by = @by, invalidated_at = @at, invalidation_reason = @reason, updated_at = @at " +
                "WHERE id = @id AND status = @previous", tx)
                .With("@invalidated", Assessment.Invalidated).With("@by", actor.Id).With("@at", at).With("@reason", why)
                .With("@id", id).With("@previous", assessment.Status);
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new ConflictException($"assessment {id} changed status meanwhile; read it again");
        }, cancellationToken).ConfigureAwait(false);
        return assessment with { Status = Assessment.Invalidated, InvalidatedBy = actor.Id, InvalidatedAt = evt.Time, InvalidationReason = why, UpdatedAt = evt.Time, LedgerIndex = index };
    }

    /// <summary>One assessment.</summary>
    public async Task<Assessment> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AssessmentRows.GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An assessment with its visible questions, answers, missing questions and (for drafts) a score preview.</summary>
    public async Task<AssessmentDetail> GetDetailAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var assessment = await AssessmentRows.GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        var template = await templates.LoadAsync(connection, null, assessment.TemplateId, assessment.TemplateVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"template {assessment.TemplateId} version {assessment.TemplateVersion} is missing");
        var stored = await AssessmentRows.AnswersAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        var answers = stored.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
        var (visible, counted) = Visibility.Resolve(template.Template, answers);
        var shown = visible.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var sections = template.Template.Sections
            .Select(s => new SectionView(s.Id, s.Title, s.Description, s.Questions.Where(q => shown.Contains(q.Id))
                .Select(q => stored.TryGetValue(q.Id, out var a) ? QuestionView.From(q, a.Value, a.By, a.At) : QuestionView.From(q, null, null, null)).ToList()))
            .Where(s => s.Questions.Count > 0).ToList();
        var missing = visible.Where(q => q.Required && !counted.ContainsKey(q.Id)).Select(q => q.Id).ToList();
        var preview = assessment.Status == Assessment.Draft
            ? AssessmentScorer.Score(template.Template, counted, DateOnly.FromDateTime(events.Time.GetUtcNow().UtcDateTime), options)
            : null;
        var v = template.Version;
        return new AssessmentDetail(assessment, new TemplateRef(v.Id, v.Version, v.Title, v.Status, v.Sha256), sections, missing, preview);
    }

    /// <summary>Assessments newest first, optionally of one system and/or in one status.</summary>
    public async Task<Page<Assessment>> ListAsync(string? systemId, string? status, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        if (status is not null && !Assessment.Statuses.Contains(status))
            throw new ValidationFailedException("status", $"must be one of {string.Join(", ", Assessment.Statuses)}");
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (systemId is not null) await EnsureSystemAsync(connection, null, systemId, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder($"SELECT {AssessmentRows.Columns} FROM assessments WHERE 1 = 1");
        if (Cursor.Decode(cursor) is { } before) { sql.Append(" AND id < @before"); command.With("@before", before); }
        if (systemId is not null) { sql.Append(" AND system_id = @sid"); command.With("@sid", systemId); }
        if (status is not null) { sql.Append(" AND status = @status"); command.With("@status", status); }
        command.CommandText = sql.Append(" ORDER BY id DESC LIMIT @limit").ToString();
        command.With("@limit", take + 1);
        var items = new List<Assessment>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(AssessmentRows.Read(reader));
        }
        return Pages.Cut(items, take, a => a.Id);
    }

    private async Task<(Assessment, TemplateDetail)> LoadAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var assessment = await AssessmentRows.GetAsync(connection, null, id, ct).ConfigureAwait(false);
        var template = await templates.LoadAsync(connection, null, assessment.TemplateId, assessment.TemplateVersion, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"template {assessment.TemplateId} version {assessment.TemplateVersion} is missing");
        return (assessment, template);
    }

    private async Task RefuseAsync(Actor actor, Assessment assessment, string decision, string reason, CancellationToken ct)
    {
        var data = new JsonObject { ["assessment_id"] = assessment.Id, ["attempted"] = decision, ["submitted_by"] = assessment.SubmittedBy, ["reason"] = reason };
        await ledger.AppendAsync(events.Create("assessment.self_approval_refused", new Subject("system", assessment.SystemId), actor, data,
            new Dictionary<string, string> { ["assessment_id"] = assessment.Id }), null, ct).ConfigureAwait(false);
        throw new ForbiddenException(reason);
    }

    private static void EnsureComplete(AssessmentTemplate template, IReadOnlyDictionary<string, JsonNode> answers)
    {
        var missing = Visibility.Missing(template, answers);
        if (missing.Count == 0) return;
        var check = new Check();
        foreach (var q in missing) check.Fail($"answers.{q.Id}", $"is required before submitting: {q.Text}");
        check.ThrowIfFailed();
    }

    private static void EnsureDraft(Assessment assessment)
    {
        if (assessment.Status != Assessment.Draft)
            throw new ConflictException($"assessment {assessment.Id} is {assessment.Status}; only a draft can be answered or submitted");
    }

    private static void EnsureSubmitted(Assessment assessment)
    {
        if (assessment.Status != Assessment.Submitted)
            throw new ConflictException($"assessment {assessment.Id} is {assessment.Status}, not submitted");
    }

    private static void EnsureActive(TemplateVersion version, string what)
    {
        if (version.Status != TemplateVersion.Active)
            throw new ConflictException($"template '{version.Id}' version {version.Version} is retired ({version.RetireReason}); cannot {what} it");
    }

    private static async Task EnsureTemplateActiveAsync(DbConnection connection, DbTransaction tx, string id, long version, string what, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT status, retire_reason FROM assessment_templates WHERE id = @id AND version = @v", tx)
            .With("@id", id).With("@v", version);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) throw new ValidationFailedException("template", $"template '{id}' version {version} does not exist");
        if (reader.GetString(0) != TemplateVersion.Active)
            throw new ConflictException($"template '{id}' version {version} is retired ({reader.StringOrNull(1)}); cannot {what} it");
    }

    private static async Task EnsureSystemAsync(DbConnection connection, DbTransaction? tx, string systemId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT COUNT(*) FROM systems WHERE id = @id", tx).With("@id", systemId);
        if (!await command.ExistsAsync(ct).ConfigureAwait(false)) throw new NotFoundException($"system {systemId} does not exist");
    }

    private static async Task TouchAsync(DbConnection connection, DbTransaction tx, string id, string at, CancellationToken ct)
    {
        await using var touch = connection.Command("UPDATE assessments SET updated_at = @at WHERE id = @id", tx).With("@at", at).With("@id", id);
        await touch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>SHA-256 of the RFC 8785 canonical JSON of the answers.</summary>
    internal static string Digest(IReadOnlyDictionary<string, JsonNode> answers)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in answers) obj[k] = v.DeepClone();
        return Digest(obj);
    }

    private static string Digest(JsonObject answers) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(answers)));

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex TemplateIdPattern();
}
