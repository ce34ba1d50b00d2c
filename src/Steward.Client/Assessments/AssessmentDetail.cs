using System.Text.Json.Nodes;

namespace Steward.Client;

/// <summary>An assessment with its visible questions and answers.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Template">Which template version it uses.</param>
/// <param name="Sections">Sections with their visible questions.</param>
/// <param name="Missing">Visible required questions without an answer.</param>
/// <param name="Preview">For drafts, the score the current answers would give.</param>
public sealed record AssessmentDetail(Assessment Assessment, TemplateRef Template, IReadOnlyList<QuestionSection> Sections,
    IReadOnlyList<string> Missing, AssessmentScore? Preview);

/// <summary>A template version reference.</summary>
/// <param name="Id">Template id.</param>
/// <param name="Version">Version.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">active or retired.</param>
/// <param name="Sha256">SHA-256 of the YAML text.</param>
public sealed record TemplateRef(string Id, long Version, string Title, string Status, string Sha256);

/// <summary>A section and its (visible) questions.</summary>
/// <param name="Id">Section id.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description.</param>
/// <param name="Questions">Questions.</param>
public sealed record QuestionSection(string Id, string Title, string? Description, IReadOnlyList<Question> Questions);

/// <summary>A question and, in an assessment, its answer.</summary>
/// <param name="Id">Question id.</param>
/// <param name="Text">The question.</param>
/// <param name="Help">Guidance.</param>
/// <param name="Type">yes_no, choice, number, text or evidence.</param>
/// <param name="Options">Allowed values of a choice question.</param>
/// <param name="Min">Smallest number allowed.</param>
/// <param name="Max">Largest number allowed.</param>
/// <param name="Unit">Unit of a number.</param>
/// <param name="Required">Whether it must be answered (when shown).</param>
/// <param name="ShowIf">The condition under which it shows.</param>
/// <param name="Maps">Framework references.</param>
/// <param name="Answer">The answer, if any.</param>
/// <param name="AnsweredBy">Who answered.</param>
/// <param name="AnsweredAt">When.</param>
public sealed record Question(
    string Id, string Text, string? Help, string Type, IReadOnlyList<QuestionOption>? Options, double? Min, double? Max,
    string? Unit, bool Required, JsonObject? ShowIf, FrameworkMappings Maps, JsonNode? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>An option of a choice question.</summary>
/// <param name="Value">The value to answer with.</param>
/// <param name="Label">What it means.</param>
public sealed record QuestionOption(string Value, string Label);

/// <summary>Framework references of a question or control.</summary>
/// <param name="EuAiAct">EU AI Act articles and annexes.</param>
/// <param name="Nist">NIST AI RMF subcategories.</param>
/// <param name="Iso42001">ISO/IEC 42001 Annex A controls.</param>
public sealed record FrameworkMappings(IReadOnlyList<string> EuAiAct, IReadOnlyList<string> Nist, IReadOnlyList<string> Iso42001);
