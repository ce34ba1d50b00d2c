using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// Published template versions (<c>assessment.template.published</c>, <c>assessment.template.retired</c>). The table
/// is the truth, so several server processes agree; parsed templates are cached by digest.
/// </summary>
public sealed class TemplateCatalog(StewardDatabase db, LedgerStore ledger, EventFactory events, AssessmentOptions options)
{
    private const string Columns = "id, version, title, sha256, source, status, published_by, published_at, retired_by, retired_at, retire_reason, ledger_index";
    private readonly ConcurrentDictionary<string, AssessmentTemplate> _parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads the shipped and configured templates (a malformed one fails start with its file and line) and publishes
    /// the versions not yet published. A version already published with a different text fails start: give the
    /// changed template a new version.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (template, source, origin) in TemplateSources.Load(options.TemplateDirectory))
        {
            var existing = await FindAsync(template.Id, template.Version, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                try
                {
                    await PublishAsync(Actor.System, template, origin, requireHigher: false, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (ConflictException)
                {
                    // Another process may have published it first: compare below.
                    existing = await FindAsync(template.Id, template.Version, cancellationToken).ConfigureAwait(false);
                    if (existing is null) throw;
                }
            }
            if (existing.Sha256 != template.Sha256)
                throw new TemplateFormatException(source, 1, 1,
                    $"template '{template.Id}' version {template.Version} is already published with different text (sha256 {existing.Sha256}); " +
                    "published versions never change: give the edited template a higher version");
            _parsed.TryAdd(template.Sha256, template);
        }
    }

    /// <summary>Publishes a template sent through the API (<paramref name="yaml"/> is parsed and validated first).</summary>
    public async Task<TemplateDetail> PublishAsync(Actor actor, string yaml, CancellationToken cancellationToken = default)
    {
        AssessmentTemplate template;
        try
        {
            template = TemplateParser.Parse(yaml, "body");
        }
        catch (TemplateFormatException ex)
        {
            throw new ValidationFailedException("body", $"line {ex.Line}, column {ex.Column}: {ex.Reason}");
        }
        return await PublishAsync(actor, template, "api", requireHigher: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TemplateDetail> PublishAsync(Actor actor, AssessmentTemplate template, string origin, bool requireHigher, CancellationToken ct)
    {
        var data = new JsonObject
        {
            ["template_id"] = template.Id, ["version"] = template.Version, ["title"] = template.Title,
            ["sha256"] = template.Sha256, ["source"] = origin, ["questions"] = template.Questions.Count(),
        };
        var evt = events.Create("assessment.template.published", new Subject("assessment_template", template.Id), actor, data);
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, token) =>
        {
            // Through the API a new version must be the highest; shipped and directory files may fill in lower ones.
            await using (var latest = connection.Command(requireHigher
                ? "SELECT MAX(version) FROM assessment_templates WHERE id = @id"
                : "SELECT MAX(version) FROM assessment_templates WHERE id = @id AND version = @v", tx).With("@id", template.Id).With("@v", (long)template.Version))
            {
                if (await latest.ExecuteScalarAsync(token).ConfigureAwait(false) is { } max and not DBNull && Convert.ToInt64(max, System.Globalization.CultureInfo.InvariantCulture) is var m && m >= template.Version)
                    throw new ConflictException(m == template.Version
                        ? $"template '{template.Id}' version {template.Version} is already published; publish a higher version"
                        : $"template '{template.Id}' has version {m} already; a new version must be higher");
            }
            await using var insert = connection.Command(
                $"INSERT INTO assessment_templates ({Columns}, yaml) VALUES (@id, @v, @title, @sha, @source, @status, @by, @at, NULL, NULL, NULL, @idx, @yaml)", tx)
                .With("@id", template.Id).With("@v", (long)template.Version).With("@title", template.Title).With("@sha", template.Sha256)
                .With("@source", origin).With("@status", TemplateVersion.Active).With("@by", actor.Id).With("@at", Timestamps.Format(evt.Time))
                .With("@idx", idx).With("@yaml", template.Yaml);
            await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        _parsed.TryAdd(template.Sha256, template);
        var version = new TemplateVersion(template.Id, template.Version, template.Title, template.Sha256, origin, TemplateVersion.Active,
            actor.Id, evt.Time, null, null, null, index);
        return new TemplateDetail(version, template);
    }

    /// <summary>Retires a version: no new assessments or answers on it (<c>assessment.template.retired</c>).</summary>
    public async Task<TemplateVersion> RetireAsync(Actor actor, string id, long version, string? reason, CancellationToken cancellationToken = default)
    {
        var check = new Check();
        var why = check.Required("reason", reason, 2000);
        check.ThrowIfFailed();
        var current = await FindAsync(id, version, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"template '{id}' version {version} does not exist");
        var data = new JsonObject { ["template_id"] = id, ["version"] = version, ["sha256"] = current.Sha256, ["reason"] = why };
        var evt = events.Create("assessment.template.retired", new Subject("assessment_template", id), actor, data);
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var update = connection.Command(
                "UPDATE assessment_templates SET status = @retired, retired_by = @by, retired_at = @at, retire_reason = @reason " +
                "WHERE id = @id AND version = @v AND status = @active", tx)
                .With("@retired", TemplateVersion.Retired).With("@by", actor.Id).With("@at", Timestamps.Format(evt.Time)).With("@reason", why)
                .With("@id", id).With("@v", version).With("@active", TemplateVersion.Active);
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new ConflictException($"template '{id}' version {version} is already retired");
        }, cancellationToken).ConfigureAwait(false);
        return current with { Status = TemplateVersion.Retired, RetiredBy = actor.Id, RetiredAt = evt.Time, RetireReason = why };
    }

    /// <summary>Every template with its versions.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM assessment_templates ORDER BY id, version DESC");
        var rows = new List<TemplateVersion>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(Read(reader));
        }
        return rows.GroupBy(r => r.Id).Select(g => new TemplateSummary(g.Key, g.First().Title,
            g.FirstOrDefault(v => v.Status == TemplateVersion.Active)?.Version, g.ToList())).ToList();
    }

    /// <summary>One version (the latest active one when <paramref name="version"/> is null).</summary>
    public async Task<TemplateDetail> GetAsync(string id, long? version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(connection, null, id, version, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(version is null ? $"template '{id}' has no active version" : $"template '{id}' version {version} does not exist");
    }

    /// <summary>The stored row of one version, or null.</summary>
    public async Task<TemplateVersion?> FindAsync(string id, long version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await LoadAsync(connection, null, id, version, cancellationToken).ConfigureAwait(false))?.Version;
    }

    /// <summary>Reads a version (latest active when <paramref name="version"/> is null) inside the caller's transaction.</summary>
    internal async Task<TemplateDetail?> LoadAsync(DbConnection connection, DbTransaction? tx, string id, long? version, CancellationToken ct)
    {
        await using var command = version is null
            ? connection.Command($"SELECT {Columns}, yaml FROM assessment_templates WHERE id = @id AND status = @active ORDER BY version DESC LIMIT 1", tx)
                .With("@id", id).With("@active", TemplateVersion.Active)
            : connection.Command($"SELECT {Columns}, yaml FROM assessment_templates WHERE id = @id AND version = @v", tx).With("@id", id).With("@v", version.Value);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return null;
        var row = Read(reader);
        var yaml = reader.GetString(12);
        var template = _parsed.GetOrAdd(row.Sha256, _ => TemplateParser.Parse(yaml, $"stored template {row.Id} version {row.Version}"));
        return new TemplateDetail(row, template);
    }

    private static TemplateVersion Read(DbDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Timestamps.Parse(r.GetString(7)), r.StringOrNull(8), r.StringOrNull(9) is { } at ? Timestamps.Parse(at) : null, r.StringOrNull(10), r.GetInt64(11));
}
