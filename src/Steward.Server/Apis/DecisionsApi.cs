using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Decisions;
using Steward.Governance.Paging;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>Recorded human decisions: the audit trail's content.</summary>
internal static class DecisionsApi
{
    public static void MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/decisions").WithTags("Decisions");
        group.MapPost("", Record).RequireAuthorization(AuthExtensions.Decide)
            .WithName("RecordDecision").WithSummary("Record a decision (optionally signed by the actor)")
            .Produces<Decision>(201).ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("", List).RequireAuthorization(AuthExtensions.Read).WithName("ListDecisions").WithSummary("List decisions");
        group.MapGet("/{id}", async (DecisionStore decisions, string id, CancellationToken ct) => TypedResults.Ok(await decisions.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetDecision").WithSummary("Get a decision").ProducesProblem(404);
    }

    private static async Task<Created<Decision>> Record(HttpContext context, DecisionStore decisions)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var request = DecisionRequest.Parse(body);
        var decision = await decisions.RecordAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/decisions/{decision.Id}", decision);
    }

    private static async Task<Ok<Page<Decision>>> List(DecisionStore decisions, string? subject_kind, string? subject_id, string? type,
        string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await decisions.ListAsync(subject_kind, subject_id, type, cursor, limit, ct));
}
