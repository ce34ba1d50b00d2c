namespace Steward.Governance.Assessments;

/// <summary>
/// Risk assessments (section <c>Assessments</c>). <see cref="Frameworks"/> holds the dates from which framework
/// obligations apply, keyed <c>Framework:Obligation</c> as templates name them (<c>date: EuAiAct:HighRisk</c>);
/// change them in configuration, e.g. <c>Assessments__Frameworks__EuAiAct__HighRisk=2027-12-02</c>, when the
/// law's timetable moves.
/// </summary>
public sealed class AssessmentOptions
{
    /// <summary>A directory of extra templates (<c>*.yaml</c>, <c>*.yml</c>) loaded at start besides the shipped ones. Unset by default.</summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>The template used when an assessment is started without naming one (default <c>ai-risk-assessment</c>, shipped).</summary>
    public string DefaultTemplate { get; set; } = "ai-risk-assessment";

    /// <summary>
    /// Obligation dates per framework. Defaults: EU AI Act (Regulation (EU) 2024/1689, Article 113)
    /// ProhibitedPractices 2025-02-02, GeneralPurposeAi 2025-08-02, HighRisk 2026-08-02, Transparency 2026-08-02,
    /// HighRiskAnnexI 2027-08-02; GDPR Applies 2018-05-25.
    /// </summary>
    public Dictionary<string, Dictionary<string, DateOnly>> Frameworks { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EuAiAct"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ProhibitedPractices"] = new DateOnly(2025, 2, 2),
            ["GeneralPurposeAi"] = new DateOnly(2025, 8, 2),
            ["HighRisk"] = new DateOnly(2026, 8, 2),
            ["Transparency"] = new DateOnly(2026, 8, 2),
            ["HighRiskAnnexI"] = new DateOnly(2027, 8, 2),
        },
        ["Gdpr"] = new(StringComparer.OrdinalIgnoreCase) { ["Applies"] = new DateOnly(2018, 5, 25) },
    };

    /// <summary>The configured date for <c>Framework:Obligation</c>, or null.</summary>
    public DateOnly? DateOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':', 2);
        return parts.Length == 2 && Frameworks.TryGetValue(parts[0], out var dates) && dates.TryGetValue(parts[1], out var date) ? date : null;
    }
}
