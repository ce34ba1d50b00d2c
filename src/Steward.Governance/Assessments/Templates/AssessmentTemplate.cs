namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// A parsed, validated questionnaire template (one version). Immutable; the text it came from and its SHA-256
/// travel with it so the ledger can name exactly what was answered.
/// </summary>
public sealed record AssessmentTemplate(
    string Id, int Version, string Title, string? Description, IReadOnlyList<TemplateSection> Sections,
    TemplateScoring Scoring, string Yaml, string Sha256)
{
    /// <summary>Every question in template order (sections in order, questions in order).</summary>
    public IEnumerable<TemplateQuestion> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>The question with this id, or null.</summary>
    public TemplateQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}

/// <summary>A titled group of questions.</summary>
public sealed record TemplateSection(string Id, string Title, string? Description, IReadOnlyList<TemplateQuestion> Questions);

/// <summary>One question; shown only when <see cref="ShowIf"/> holds (always when null).</summary>
public sealed record TemplateQuestion(
    string Id, string Text, string? Help, string Type, IReadOnlyList<QuestionOption> Options, double? Min, double? Max,
    string? Unit, bool Required, Condition? ShowIf, FrameworkMappings Maps);

/// <summary>An allowed value of a <c>choice</c> question.</summary>
public sealed record QuestionOption(string Value, string Label);

/// <summary>Where a question or control comes from in the frameworks.</summary>
/// <param name="EuAiAct">EU AI Act references, e.g. <c>Art. 9</c>, <c>Art. 10(2)(f)</c>, <c>Annex IV</c>, <c>Annex III(4)</c>.</param>
/// <param name="Nist">NIST AI RMF 1.0 subcategories, e.g. <c>MAP 1.1</c>.</param>
/// <param name="Iso42001">ISO/IEC 42001:2023 Annex A controls, e.g. <c>A.6.2.4</c>.</param>
public sealed record FrameworkMappings(IReadOnlyList<string> EuAiAct, IReadOnlyList<string> Nist, IReadOnlyList<string> Iso42001)
{
    /// <summary>No mapping.</summary>
    public static FrameworkMappings None { get; } = new([], [], []);
}

/// <summary>The answer types.</summary>
public static class QuestionTypes
{
    /// <summary>true or false.</summary>
    public const string YesNo = "yes_no";
    /// <summary>One of the question's option values.</summary>
    public const string Choice = "choice";
    /// <summary>A number within the question's min and max.</summary>
    public const string Number = "number";
    /// <summary>Free text (at most 4,000 characters).</summary>
    public const string Text = "text";
    /// <summary><c>{"sha256": "...", "uri": "https://..."}</c>, one or both.</summary>
    public const string Evidence = "evidence";

    /// <summary>All types.</summary>
    public static readonly string[] All = [YesNo, Choice, Number, Text, Evidence];
}
