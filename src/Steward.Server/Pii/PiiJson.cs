using System.Text.Json;
using Steward.Pii;
using Steward.Pii.Anonymization;

namespace Steward.Server.Pii;

/// <summary>Writes Presidio's answer shapes (keys sorted as Presidio's <c>json.dumps(sort_keys=True)</c> writes them).</summary>
internal static class PiiJson
{
    public static void WriteResults(Utf8JsonWriter w, IEnumerable<RecognizerResult> results, bool explain)
    {
        w.WriteStartArray();
        foreach (var r in results) WriteResult(w, r, explain);
        w.WriteEndArray();
    }

    public static void WriteResult(Utf8JsonWriter w, RecognizerResult r, bool explain)
    {
        w.WriteStartObject();
        if (explain)
        {
            var e = r.Explanation;
            w.WriteStartObject("analysis_explanation");
            w.WriteNumber("original_score", e.OriginalScore);
            WriteNullable(w, "pattern", e.Pattern);
            WriteNullable(w, "pattern_name", e.PatternName);
            w.WriteString("recognizer", e.Recognizer);
            w.WriteNull("regex_flags");
            w.WriteNumber("score", e.Score);
            w.WriteNumber("score_context_improvement", e.ScoreContextImprovement);
            w.WriteString("supportive_context_word", e.SupportiveContextWord);
            WriteNullable(w, "textual_explanation", e.TextualExplanation);
            if (e.ValidationResult is { } valid) w.WriteBoolean("validation_result", valid);
            else w.WriteNull("validation_result");
            w.WriteEndObject();
        }
        w.WriteNumber("end", r.End);
        w.WriteString("entity_type", r.EntityType);
        if (explain)
        {
            w.WriteStartObject("recognition_metadata");
            w.WriteString("recognizer_identifier", RecognizerIdentifier(r.Explanation.Recognizer));
            w.WriteString("recognizer_name", r.Explanation.Recognizer);
            w.WriteEndObject();
        }
        w.WriteNumber("score", Math.Round(r.Score, 6));
        w.WriteNumber("start", r.Start);
        w.WriteEndObject();
    }

    public static void WriteAnonymized(Utf8JsonWriter w, AnonymizerResult result)
    {
        w.WriteStartObject();
        w.WriteString("text", result.Text);
        w.WriteStartArray("items");
        foreach (var i in result.Items)
        {
            w.WriteStartObject();
            w.WriteNumber("end", i.End);
            w.WriteString("entity_type", i.EntityType);
            w.WriteString("operator", i.Operator);
            w.WriteNumber("start", i.Start);
            w.WriteString("text", i.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>A stable identifier per recognizer (Presidio uses the object's id; Steward the name's hash, equal across restarts).</summary>
    public static string RecognizerIdentifier(string name) =>
        name + "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 4));

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
