namespace Steward.Governance.Assessments.Templates;

/// <summary>A template version as the API shows it: its stored row, its sections and questions, and the YAML text.</summary>
public sealed record TemplateView(
    string Id, long Version, string Title, string? Description, string Status, string Sha256, string Source,
    string PublishedBy, DateTimeOffset PublishedAt, string? RetiredBy, DateTimeOffset? RetiredAt, string? RetireReason, long LedgerIndex,
    IReadOnlyList<SectionView> Sections, string Yaml)
{
    /// <summary>Builds the view of a stored version.</summary>
    public static TemplateView From(TemplateDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var (v, t) = (detail.Version, detail.Template);
        return new TemplateView(v.Id, v.Version, v.Title, t.Description, v.Status, v.Sha256, v.Source, v.PublishedBy, v.PublishedAt,
            v.RetiredBy, v.RetiredAt, v.RetireReason, v.LedgerIndex,
            t.Sections.Select(s => new SectionView(s.Id, s.Title, s.Description, s.Questions.Select(q => QuestionView.From(q, null, null, null)).ToList())).ToList(),
            t.Yaml);
    }
}
