namespace Steward.Client;

/// <summary>A template with all its published versions, newest first.</summary>
/// <param name="Id">Template id.</param>
/// <param name="Title">Title of the newest version.</param>
/// <param name="LatestActiveVersion">The version new assessments use by default, or null when all are retired.</param>
/// <param name="Versions">Every version.</param>
public sealed record AssessmentTemplateSummary(string Id, string Title, long? LatestActiveVersion, IReadOnlyList<AssessmentTemplateVersion> Versions);

/// <summary>A published template version.</summary>
/// <param name="Id">Template id.</param>
/// <param name="Version">Version.</param>
/// <param name="Title">Title.</param>
/// <param name="Sha256">SHA-256 of the YAML text.</param>
/// <param name="Source">shipped, directory or api.</param>
/// <param name="Status">active or retired.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="RetiredBy">Who retired it.</param>
/// <param name="RetiredAt">When.</param>
/// <param name="RetireReason">Why.</param>
/// <param name="LedgerIndex">Its ledger entry.</param>
public sealed record AssessmentTemplateVersion(
    string Id, long Version, string Title, string Sha256, string Source, string Status, string PublishedBy,
    DateTimeOffset PublishedAt, string? RetiredBy, DateTimeOffset? RetiredAt, string? RetireReason, long LedgerIndex);

/// <summary>One template version in full.</summary>
/// <param name="Id">Template id.</param>
/// <param name="Version">Version.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description.</param>
/// <param name="Status">active or retired.</param>
/// <param name="Sha256">SHA-256 of the YAML text.</param>
/// <param name="Source">shipped, directory or api.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="RetiredBy">Who retired it.</param>
/// <param name="RetiredAt">When.</param>
/// <param name="RetireReason">Why.</param>
/// <param name="LedgerIndex">Its ledger entry.</param>
/// <param name="Sections">Sections with all questions.</param>
/// <param name="Yaml">The YAML text.</param>
public sealed record AssessmentTemplate(
    string Id, long Version, string Title, string? Description, string Status, string Sha256, string Source,
    string PublishedBy, DateTimeOffset PublishedAt, string? RetiredBy, DateTimeOffset? RetiredAt, string? RetireReason, long LedgerIndex,
    IReadOnlyList<QuestionSection> Sections, string Yaml);
