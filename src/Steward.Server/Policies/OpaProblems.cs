using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Governance.Errors;
using Steward.Governance.Policies;
using Steward.Policy;
using Steward.Server.Problems;

namespace Steward.Server.Policies;

/// <summary>
/// Turns failures of the OPA-compatible endpoints into RFC 7807 problem details that also carry OPA's error members
/// (<c>code</c>, <c>message</c>, and <c>errors</c> as a list of <c>{code, message, location: {file, row, col}}</c>), so
/// both OPA clients and Steward clients understand them.
/// </summary>
internal static class OpaProblems
{
    public static RouteGroupBuilder WithOpaProblems(this RouteGroupBuilder group) => group.WithExceptionProblems(From);

    public static ProblemHttpResult? From(Exception exception) => exception switch
    {
        OpaException o => Problem(o.Status, o.Code, o.Message, o.Errors),
        PolicyCompileFailedException c => Problem(400, OpaCodes.InvalidParameter, "error(s) occurred while compiling module(s)", c.Errors),
        ValidationFailedException v => Problem(400, OpaCodes.InvalidParameter,
            string.Join("; ", v.Errors.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"))), []),
        NotFoundException n => Problem(404, OpaCodes.NotFound, n.Message, []),
        ConflictException c => Problem(409, OpaCodes.Conflict, c.Message, []),
        BadHttpRequestException { StatusCode: 413 } => Problem(413, OpaCodes.InvalidParameter, "the request body exceeds the configured limit (Server:MaxRequestBodyBytes)", []),
        _ => null,
    };

    public static ProblemHttpResult Problem(int status, string code, string message, IReadOnlyList<RegoError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                400 => "Invalid request",
                404 => "Not found",
                409 => "Conflict",
                413 => "Request body too large",
                _ => "Policy evaluation failed",
            },
            Detail = errors.Count == 0 ? message : message + ": " + string.Join("; ", errors),
        };
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = message;
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors.Select(e => new Dictionary<string, object?>
            {
                ["code"] = e.Code,
                ["message"] = e.Message,
                ["location"] = e.Line > 0 ? new Dictionary<string, object?> { ["file"] = e.File, ["row"] = e.Line, ["col"] = e.Column } : null,
            }).ToList();
        }
        return TypedResults.Problem(problem);
    }
}
