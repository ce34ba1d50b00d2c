using System.Text.Json.Nodes;
using Steward.Governance.Assessments.Scoring;
using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Assessments;

/// <summary>An assessment with what a person filling or reviewing it needs: visible questions with their answers.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Template">Template id, version, title, status and digest.</param>
/// <param name="Sections">Sections with their visible questions (empty sections left out).</param>
/// <param name="Missing">Visible required questions without an answer.</param>
/// <param name="Preview">The score the current answers would give (drafts only; the submitted score is on the assessment).</param>
public sealed record AssessmentDetail(Assessment Assessment, TemplateRef Template, IReadOnlyList<SectionView> Sections,
    IReadOnlyList<string> Missing, AssessmentScore? Preview);

/// <summary>Which template version an assessment uses.</summary>
public sealed record TemplateRef(string Id, long Version, string Title, string Status, string Sha256);

/// <summary>A section with its visible questions.</summary>
public sealed record SectionView(string Id, string Title, string? Description, IReadOnlyList<QuestionView> Questions);

/// <summary>A visible question and its answer (null when unanswered).</summary>
public sealed record QuestionView(
    string Id, string Text, string? Help, string Type, IReadOnlyList<QuestionOption>? Options, double? Min, double? Max,
    string? Unit, bool Required, JsonObject? ShowIf, FrameworkMappings Maps, JsonNode? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    internal static QuestionView From(TemplateQuestion q, JsonNode? answer, string? by, DateTimeOffset? at) => new(
        q.Id, q.Text, q.Help, q.Type, q.Options.Count > 0 ? q.Options : null, q.Min, q.Max, q.Unit, q.Required, q.ShowIf?.ToJson(), q.Maps,
        answer?.DeepClone(), by, at);
}
