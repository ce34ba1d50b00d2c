using System.Text.Json.Nodes;
using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Assessments.Scoring;

/// <summary>
/// Which questions show for a set of answers. Questions are walked in template order and a condition only reads
/// earlier questions, so an answer to a question that is itself hidden does not count (hiding cascades).
/// </summary>
public static class Visibility
{
    /// <summary>The visible questions and the answers that count (answers to visible questions only).</summary>
    public static (IReadOnlyList<TemplateQuestion> Visible, IReadOnlyDictionary<string, JsonNode> Answers) Resolve(
        AssessmentTemplate template, IReadOnlyDictionary<string, JsonNode> answers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        var visible = new List<TemplateQuestion>();
        var counted = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var question in template.Questions)
        {
            if (question.ShowIf is { } condition && !condition.Holds(new ConditionContext(counted))) continue;
            visible.Add(question);
            if (answers.TryGetValue(question.Id, out var answer)) counted[question.Id] = answer;
        }
        return (visible, counted);
    }

    /// <summary>Visible required questions without an answer.</summary>
    public static IReadOnlyList<TemplateQuestion> Missing(AssessmentTemplate template, IReadOnlyDictionary<string, JsonNode> answers)
    {
        var (visible, counted) = Resolve(template, answers);
        return visible.Where(q => q.Required && !counted.ContainsKey(q.Id)).ToList();
    }
}
