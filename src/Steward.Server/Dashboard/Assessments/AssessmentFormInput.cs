using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Scoring;
using Steward.Governance.Assessments.Templates;

namespace Steward.Server.Dashboard.Assessments;

/// <summary>
/// Reads the assessment form: field <c>q.ID</c> per question (<c>q.ID.sha256</c> and <c>q.ID.uri</c> for evidence).
/// A cleared field removes a stored answer; answers to questions that the new answers hide are left out (they stay
/// stored and do not count), so one save can both change a question and drop its now irrelevant follow-ups.
/// </summary>
internal static class AssessmentFormInput
{
    public const string Prefix = "q.";

    public static (Dictionary<string, JsonNode?> Answers, Dictionary<string, string> Errors) Read(
        IFormCollection form, AssessmentTemplate template, IReadOnlyDictionary<string, JsonNode> stored)
    {
        var answers = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in template.Questions)
        {
            var name = Prefix + question.Id;
            JsonNode? value;
            if (question.Type == QuestionTypes.Evidence)
            {
                if (!form.ContainsKey(name + ".sha256") && !form.ContainsKey(name + ".uri")) continue;
                var sha = form[name + ".sha256"].ToString().Trim();
                var uri = form[name + ".uri"].ToString().Trim();
                if (sha.Length == 0 && uri.Length == 0) { Clear(question.Id); continue; }
                var evidence = new JsonObject();
                if (sha.Length > 0) evidence["sha256"] = sha;
                if (uri.Length > 0) evidence["uri"] = uri;
                value = evidence;
            }
            else
            {
                if (!form.ContainsKey(name)) continue;
                var text = form[name].ToString().Trim();
                if (text.Length == 0) { Clear(question.Id); continue; }
                switch (question.Type)
                {
                    case QuestionTypes.YesNo:
                        value = text switch { "yes" => JsonValue.Create(true), "no" => JsonValue.Create(false), _ => null };
                        break;
                    case QuestionTypes.Number:
                        value = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null;
                        if (value is null) { errors[question.Id] = "Enter a number."; continue; }
                        break;
                    default:
                        value = JsonValue.Create(text);
                        break;
                }
                if (value is null) { errors[question.Id] = "Choose one of the answers."; continue; }
            }
            var (clean, error) = AnswerValues.Check(question, value);
            if (error is not null) errors[question.Id] = Sentence(error);
            else answers[question.Id] = clean;
        }

        var merged = stored.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var (id, v) in answers)
        {
            if (v is null) merged.Remove(id);
            else merged[id] = v;
        }
        var shown = Visibility.Resolve(template, merged).Visible.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in answers.Keys.Where(id => answers[id] is not null && !shown.Contains(id)).ToList()) answers.Remove(id);
        return (answers, errors);

        void Clear(string id)
        {
            if (stored.ContainsKey(id)) answers[id] = null;
        }
    }

    private static string Sentence(string error) => char.ToUpperInvariant(error[0]) + error[1..] + ".";
}
