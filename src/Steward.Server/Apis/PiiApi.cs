using Microsoft.Extensions.Options;
using Steward.Pii;
using Steward.Pii.Anonymization;
using Steward.Server.Auth;
using Steward.Server.Pii;

namespace Steward.Server.Apis;

/// <summary>
/// Steward's own PII endpoints (<c>/api/v1/pii</c>): analyse many texts in one call and, optionally, anonymize
/// each with the same operators. Same roles and errors as <see cref="PresidioApi"/>.
/// </summary>
internal static class PiiApi
{
    public static void MapPiiApi(this IEndpointRouteBuilder app)
    {
        var pii = app.MapGroup("/api/v1/pii").WithTags("PII").WithPiiProblems();
        pii.MapPost("/analyze", AnalyzeBatch).RequireAuthorization(AuthExtensions.Pii)
            .WithName("PiiAnalyzeBatch")
            .WithSummary("Analyse a batch of texts ({texts: [...]}, Presidio's analyzer fields), optionally anonymizing each (anonymize, anonymizers)")
            .ProducesProblem(400).ProducesProblem(415).ProducesProblem(413);
    }

    private static async Task<IResult> AnalyzeBatch(HttpContext context, AnalyzerEngine analyzer, AnonymizerEngine anonymizer, IOptions<PiiServerOptions> options)
    {
        using var document = await PiiBody.ReadAsync(context.Request, options.Value.MaxRequestBytes);
        var body = new JsonFields(document.RootElement, "");
        body.OnlyKnown([.. AnalyzeRequest.AnalyzerFields.Where(f => f != "text"), "texts", "anonymize", "anonymizers", "conflict_resolution"]);
        var request = AnalyzeRequest.Read(body, options.Value, "texts");
        var operators = AnonymizeRequest.Operators(body, "anonymizers");
        var anonymize = body.Boolean("anonymize") ?? operators is not null;
        var conflict = AnonymizeRequest.Conflict(body);
        var results = analyzer.AnalyzeBatch(request.Texts, request.Options);
        var anonymized = anonymize
            ? results.Select((r, i) => anonymizer.Anonymize(request.Texts[i], r.Select(EntitySpan.From), operators, conflict)).ToList()
            : null;
        return new PiiJsonResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            for (var i = 0; i < results.Count; i++)
            {
                w.WriteStartObject();
                w.WritePropertyName("entities");
                PiiJson.WriteResults(w, results[i], request.ReturnDecisionProcess);
                if (anonymized is not null)
                {
                    w.WritePropertyName("anonymized");
                    PiiJson.WriteAnonymized(w, anonymized[i]);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
