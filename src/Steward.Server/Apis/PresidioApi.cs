using Microsoft.Extensions.Options;
using Steward.Pii;
using Steward.Pii.Anonymization;
using Steward.Server.Auth;
using Steward.Server.Pii;

namespace Steward.Server.Apis;

/// <summary>
/// Presidio's analyzer and anonymizer REST API at the server's root, so Presidio clients switch by changing the
/// URL (and sending Steward's API key as a bearer token). Analysing, anonymizing and deanonymizing need a role
/// that processes data (admin, approver, contributor, service); the lists are open to every role. Errors are
/// problem details carrying Presidio's <c>error</c>.
/// </summary>
internal static class PresidioApi
{
    public static void MapPresidioApi(this IEndpointRouteBuilder app)
    {
        var presidio = app.MapGroup("").WithTags("Presidio").WithPiiProblems();
        presidio.MapPost("/analyze", Analyze).RequireAuthorization(AuthExtensions.Pii)
            .WithName("PresidioAnalyze").WithSummary("Find PII in a text, or a list of texts (Presidio: POST /analyze)")
            .ProducesProblem(400).ProducesProblem(415).ProducesProblem(413);
        presidio.MapPost("/anonymize", Anonymize).RequireAuthorization(AuthExtensions.Pii)
            .WithName("PresidioAnonymize").WithSummary("Replace, redact, mask, hash or encrypt the given spans (Presidio: POST /anonymize)")
            .ProducesProblem(400).ProducesProblem(415).ProducesProblem(413);
        presidio.MapPost("/deanonymize", Deanonymize).RequireAuthorization(AuthExtensions.Pii)
            .WithName("PresidioDeanonymize").WithSummary("Decrypt encrypted spans (Presidio: POST /deanonymize)")
            .ProducesProblem(400).ProducesProblem(415).ProducesProblem(413);
        presidio.MapGet("/recognizers", Recognizers).RequireAuthorization(AuthExtensions.Read)
            .WithName("PresidioRecognizers").WithSummary("Names of the recognizers for a language (Presidio: GET /recognizers)");
        presidio.MapGet("/supportedentities", SupportedEntities).RequireAuthorization(AuthExtensions.Read)
            .WithName("PresidioSupportedEntities").WithSummary("Entity types reported for a language (Presidio: GET /supportedentities)");
        presidio.MapGet("/anonymizers", () => Strings(OperatorNames.Anonymizers)).RequireAuthorization(AuthExtensions.Read)
            .WithName("PresidioAnonymizers").WithSummary("Anonymizer operators (Presidio: GET /anonymizers)");
        presidio.MapGet("/deanonymizers", () => Strings(OperatorNames.Deanonymizers)).RequireAuthorization(AuthExtensions.Read)
            .WithName("PresidioDeanonymizers").WithSummary("Deanonymizer operators (Presidio: GET /deanonymizers)");
    }

    private static async Task<IResult> Analyze(HttpContext context, AnalyzerEngine engine, IOptions<PiiServerOptions> options)
    {
        using var document = await PiiBody.ReadAsync(context.Request, options.Value.MaxRequestBytes);
        var body = new JsonFields(document.RootElement, "");
        body.OnlyKnown(AnalyzeRequest.AnalyzerFields);
        var request = AnalyzeRequest.Read(body, options.Value);
        var results = engine.AnalyzeBatch(request.Texts, request.Options);
        return new PiiJsonResult(w =>
        {
            if (!request.IsBatch)
            {
                PiiJson.WriteResults(w, results[0], request.ReturnDecisionProcess);
                return;
            }
            w.WriteStartArray();
            foreach (var list in results) PiiJson.WriteResults(w, list, request.ReturnDecisionProcess);
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> Anonymize(HttpContext context, AnonymizerEngine engine, IOptions<PiiServerOptions> options)
    {
        using var document = await PiiBody.ReadAsync(context.Request, options.Value.MaxRequestBytes);
        var body = new JsonFields(document.RootElement, "");
        body.OnlyKnown("text", "analyzer_results", "anonymizers", "conflict_resolution");
        var text = body.String("text") ?? throw new PiiHttpException("'text' is required (a string)");
        var spans = AnonymizeRequest.Spans(body, "analyzer_results", scoreRequired: true);
        var result = engine.Anonymize(text, spans, AnonymizeRequest.Operators(body, "anonymizers"), AnonymizeRequest.Conflict(body));
        return new PiiJsonResult(w => PiiJson.WriteAnonymized(w, result));
    }

    private static async Task<IResult> Deanonymize(HttpContext context, AnonymizerEngine engine, IOptions<PiiServerOptions> options)
    {
        using var document = await PiiBody.ReadAsync(context.Request, options.Value.MaxRequestBytes);
        var body = new JsonFields(document.RootElement, "");
        body.OnlyKnown("text", "anonymizer_results", "entities", "deanonymizers");
        var text = body.String("text") ?? throw new PiiHttpException("'text' is required (a string)");
        var field = body.Has("anonymizer_results") ? "anonymizer_results" : "entities";
        var spans = AnonymizeRequest.Spans(body, field, scoreRequired: false);
        var operators = AnonymizeRequest.Operators(body, "deanonymizers")
            ?? throw new PiiHttpException("'deanonymizers' is required, e.g. {\"DEFAULT\": {\"type\": \"decrypt\", \"key\": \"...\"}}");
        var result = engine.Deanonymize(text, spans, operators);
        return new PiiJsonResult(w => PiiJson.WriteAnonymized(w, result));
    }

    private static IResult Recognizers(AnalyzerEngine engine, string? language) =>
        Strings(engine.Registry.For(Language(engine, language)).Select(r => r.Name).ToList());

    private static IResult SupportedEntities(AnalyzerEngine engine, string? language) =>
        Strings(engine.Registry.EntitiesFor(Language(engine, language)));

    private static string Language(AnalyzerEngine engine, string? language)
    {
        language = string.IsNullOrEmpty(language) ? "en" : language;
        var languages = engine.Registry.Languages;
        return languages.Contains(language) ? language
            : throw new PiiRequestException($"language '{language}' is not supported; supported: {string.Join(", ", languages)}");
    }

    private static IResult Strings(IEnumerable<string> values) => new PiiJsonResult(w => PiiJson.WriteStrings(w, values));
}
