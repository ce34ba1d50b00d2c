using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Assessments;

/// <summary>Checks one answer against its question's type and returns the value as stored (normalized).</summary>
public static partial class AnswerValues
{
    /// <summary>Longest text answer.</summary>
    public const int MaxText = 4000;

    /// <summary>The normalized value, or the reason it is not an answer to <paramref name="question"/>.</summary>
    public static (JsonNode? Value, string? Error) Check(TemplateQuestion question, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (value is null) return (null, "must not be null");
        var kind = value.GetValueKind();
        switch (question.Type)
        {
            case QuestionTypes.YesNo:
                return kind is JsonValueKind.True or JsonValueKind.False ? (JsonValue.Create(kind == JsonValueKind.True), null) : (null, "must be true or false");
            case QuestionTypes.Choice:
                if (kind != JsonValueKind.String) return (null, $"must be one of {string.Join(", ", question.Options.Select(o => o.Value))}");
                var choice = value.GetValue<string>();
                return question.Options.Any(o => o.Value == choice)
                    ? (JsonValue.Create(choice), null)
                    : (null, $"must be one of {string.Join(", ", question.Options.Select(o => o.Value))}");
            case QuestionTypes.Number:
                if (kind != JsonValueKind.Number) return (null, "must be a number");
                var number = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                if (question.Min is { } min && number < min) return (null, $"must be at least {min}");
                if (question.Max is { } max && number > max) return (null, $"must be at most {max}");
                return (JsonValue.Create(number), null);
            case QuestionTypes.Text:
                if (kind != JsonValueKind.String) return (null, "must be a string");
                var text = value.GetValue<string>().Trim();
                if (text.Length == 0) return (null, "must not be empty");
                if (text.Length > MaxText) return (null, $"must be at most {MaxText} characters");
                if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return (null, "must not contain control characters");
                return (JsonValue.Create(text), null);
            case QuestionTypes.Evidence:
                return Evidence(value);
            default:
                return (null, $"has an unknown type {question.Type}");
        }
    }

    private static (JsonNode?, string?) Evidence(JsonNode value)
    {
        const string shape = "must be {\"sha256\": \"<64 hex>\", \"uri\": \"https://...\"} with one or both";
        if (value is not JsonObject obj) return (null, shape);
        var result = new JsonObject();
        foreach (var (key, item) in obj)
        {
            if (key is not ("sha256" or "uri")) return (null, $"{key} is not a known field; {shape}");
            if (item?.GetValueKind() != JsonValueKind.String) return (null, $"{key} must be a string");
        }
        if (obj["sha256"] is { } shaNode)
        {
            var sha = shaNode.GetValue<string>();
            if (!Sha256Pattern().IsMatch(sha)) return (null, "sha256 must be 64 hexadecimal characters");
            result["sha256"] = sha.ToLowerInvariant();
        }
        if (obj["uri"] is { } uriNode)
        {
            var uri = uriNode.GetValue<string>();
            if (uri.Length > 2048 || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
                return (null, "uri must be an absolute https link");
            result["uri"] = uri;
        }
        return result.Count == 0 ? (null, shape) : (result, null);
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
