using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Pii;
using Steward.Server.Problems;

namespace Steward.Server.Pii;

/// <summary>
/// Turns failures of the PII endpoints into RFC 7807 problem details that also carry Presidio's <c>error</c> member
/// (<c>{"error": "..."}</c>), so Presidio's clients and Steward's both read them. Messages never quote the analysed text.
/// </summary>
internal static class PiiProblems
{
    public static RouteGroupBuilder WithPiiProblems(this RouteGroupBuilder group) => group.WithExceptionProblems(From);

    public static ProblemHttpResult? From(Exception exception) => exception switch
    {
        PiiHttpException h => Problem(h.Status, h.Message),
        PiiRequestException p => Problem(400, p.Message),
        BadHttpRequestException { StatusCode: 413 } => Problem(413, "the request body exceeds the configured limit (Server:MaxRequestBodyBytes)"),
        _ => null,
    };

    public static ProblemHttpResult Problem(int status, string message)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch { 413 => "Request body too large", 415 => "Unsupported media type", _ => "Invalid request" },
            Detail = message,
        };
        problem.Extensions["error"] = message;
        return TypedResults.Problem(problem);
    }
}
