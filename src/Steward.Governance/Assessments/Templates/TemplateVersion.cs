namespace Steward.Governance.Assessments.Templates;

/// <summary>A published template version as stored: where it came from and whether it may still be used.</summary>
public sealed record TemplateVersion(
    string Id, long Version, string Title, string Sha256, string Source, string Status, string PublishedBy,
    DateTimeOffset PublishedAt, string? RetiredBy, DateTimeOffset? RetiredAt, string? RetireReason, long LedgerIndex)
{
    /// <summary>Usable for new assessments and answers.</summary>
    public const string Active = "active";

    /// <summary>Refused for new assessments and answers.</summary>
    public const string Retired = "retired";
}

/// <summary>A template with every published version, newest first.</summary>
public sealed record TemplateSummary(string Id, string Title, long? LatestActiveVersion, IReadOnlyList<TemplateVersion> Versions);

/// <summary>One version in full: its stored row and parsed content.</summary>
public sealed record TemplateDetail(TemplateVersion Version, AssessmentTemplate Template);
