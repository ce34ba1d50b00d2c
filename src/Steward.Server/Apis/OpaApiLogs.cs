using Microsoft.Extensions.Options;
using Steward.Governance.Policies;
using Steward.Server.Auth;
using Steward.Server.Policies;

namespace Steward.Server.Apis;

/// <summary>
/// <c>POST /logs</c>: OPA agents' decision-log uploads (OPA's <c>decision_logs.service</c> pointed at Steward, with the
/// API key as bearer token), stored with the server's own decisions. Needs a role that may ingest (not auditor).
/// </summary>
internal static class OpaApiLogs
{
    public static void MapOpaLogsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/logs").WithTags("OPA").WithOpaProblems();
        group.MapPost("", Upload).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("OpaUploadDecisionLogs").WithSummary("Upload OPA decision-log events (gzip-compressed JSON array)")
            .Produces(204).ProducesProblem(400);
    }

    private static async Task<IResult> Upload(HttpContext context, DecisionLogStore log, IOptions<PolicyOptions> options)
    {
        var events = await DecisionLogUpload.ReadAsync(context.Request, options.Value);
        await log.AppendAsync(events, context.RequestAborted);
        return TypedResults.NoContent();
    }
}
