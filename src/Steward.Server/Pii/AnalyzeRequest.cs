using Steward.Pii;
using Steward.Pii.Recognizers;

namespace Steward.Server.Pii;

/// <summary>The fields of Presidio's <c>/analyze</c> request, read and checked (shared by the native batch endpoint).</summary>
internal sealed class AnalyzeRequest
{
    public static readonly string[] AnalyzerFields =
        ["text", "language", "entities", "correlation_id", "score_threshold", "return_decision_process", "ad_hoc_recognizers",
         "context", "allow_list", "allow_list_match", "regex_flags"];

    public required IReadOnlyList<string> Texts { get; init; }
    public required bool IsBatch { get; init; }
    public required AnalyzeOptions Options { get; init; }
    public required bool ReturnDecisionProcess { get; init; }

    /// <summary>Reads the analyzer fields; the texts come from <paramref name="textField"/> (a string or a list of strings).</summary>
    public static AnalyzeRequest Read(JsonFields body, PiiServerOptions limits, string textField = "text")
    {
        var (texts, batch) = ReadTexts(body, textField, limits);
        var language = body.RequiredString("language");
        var threshold = body.Number("score_threshold") ?? 0;
        if (threshold is < 0 or > 1) throw new PiiHttpException("'score_threshold' must be between 0 and 1");
        var flags = body.Integer("regex_flags") ?? PythonRegex.DefaultFlags;
        var match = body.String("allow_list_match") switch
        {
            null or "exact" => AllowListMatch.Exact,
            "regex" => AllowListMatch.Regex,
            var other => throw new PiiHttpException($"'allow_list_match' must be 'exact' or 'regex', not '{other}'"),
        };
        var adHoc = body.Objects("ad_hoc_recognizers").Select((r, i) => AdHoc(r, i, flags)).ToList();
        if (adHoc.Count > limits.MaxAdHocRecognizers)
            throw new PiiHttpException($"at most {limits.MaxAdHocRecognizers} ad-hoc recognizers per request (Pii:MaxAdHocRecognizers)");
        _ = body.String("correlation_id");
        return new AnalyzeRequest
        {
            Texts = texts,
            IsBatch = batch,
            ReturnDecisionProcess = body.Boolean("return_decision_process") ?? false,
            Options = new AnalyzeOptions
            {
                Language = language,
                Entities = body.Strings("entities"),
                ScoreThreshold = threshold,
                AdHocRecognizers = adHoc,
                Context = body.Strings("context") ?? [],
                AllowList = body.Strings("allow_list") ?? [],
                AllowListMatch = match,
                RegexFlags = flags,
            },
        };
    }

    private static (IReadOnlyList<string> Texts, bool Batch) ReadTexts(JsonFields body, string field, PiiServerOptions limits)
    {
        if (!body.Has(field)) throw new PiiHttpException($"No text provided: '{field}' is required (a string or a list of strings)");
        if (body.Element.GetProperty(field).ValueKind == System.Text.Json.JsonValueKind.String)
            return ([body.String(field)!], false);
        var texts = body.Strings(field) ?? [];
        if (texts.Count == 0) throw new PiiHttpException($"No text provided: '{field}' is an empty list");
        if (texts.Count > limits.MaxBatchTexts) throw new PiiHttpException($"at most {limits.MaxBatchTexts} texts per request (Pii:MaxBatchTexts)");
        return (texts, true);
    }

    private static RegexRecognizer AdHoc(JsonFields r, int index, int requestFlags)
    {
        r.OnlyKnown("name", "supported_language", "supported_entity", "patterns", "deny_list", "context", "deny_list_score", "global_regex_flags", "version");
        var name = r.String("name") is { Length: > 0 } n ? n : $"ad_hoc_recognizer_{index}";
        var entity = r.RequiredString("supported_entity");
        var patterns = r.Objects("patterns").Select(p =>
        {
            p.OnlyKnown("name", "regex", "score");
            var score = p.Number("score") ?? throw new PiiHttpException($"ad_hoc_recognizers[{index}]: a pattern's 'score' is required");
            return new PatternDefinition(p.String("name") ?? "pattern", p.RequiredString("regex"), score);
        }).ToList();
        var denyScore = r.Number("deny_list_score") ?? 1.0;
        if (denyScore is < 0 or > 1) throw new PiiHttpException($"ad_hoc_recognizers[{index}]: 'deny_list_score' must be between 0 and 1");
        try
        {
            return new RegexRecognizer(name, entity, patterns, r.Strings("deny_list"), r.Strings("context"),
                r.Integer("global_regex_flags") ?? requestFlags, denyScore, r.String("supported_language") ?? "en");
        }
        catch (PiiRequestException e)
        {
            throw new PiiHttpException($"ad_hoc_recognizers[{index}]: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new PiiHttpException($"ad_hoc_recognizers[{index}]: {e.Message}", e);
        }
    }
}
