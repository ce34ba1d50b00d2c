using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Assessments;
using Steward.Governance.Errors;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>
/// Risk assessments: contributors start, answer and submit; approvers and admins approve, reject and invalidate
/// (never their own submission); everyone with a role reads.
/// </summary>
internal static class AssessmentsApi
{
    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapAssessmentTemplatesApi();
        var systems = app.MapGroup("/api/v1/systems/{systemId}/assessments").WithTags("Assessments");
        systems.MapPost("", Start).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("StartAssessment").WithSummary("Start an assessment of the system (latest active template version unless given)")
            .Accepts<StartAssessmentRequest>("application/json").Produces<Assessment>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        systems.MapGet("", async (AssessmentStore store, string systemId, string? status, string? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(systemId, status, cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListSystemAssessments").WithSummary("The system's assessments, newest first").ProducesProblem(404);

        var group = app.MapGroup("/api/v1/assessments").WithTags("Assessments");
        group.MapGet("", async (AssessmentStore store, string? system_id, string? status, string? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(system_id, status, cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListAssessments").WithSummary("All assessments, newest first");
        group.MapGet("/{id}", async (AssessmentStore store, string id, CancellationToken ct) => TypedResults.Ok(await store.GetDetailAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetAssessment")
            .WithSummary("An assessment with its visible questions, answers, missing questions and score").ProducesProblem(404);
        group.MapPut("/{id}/answers", Answer).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("AnswerAssessment").WithSummary("Answer questions: {\"answers\": {\"question_id\": value, ...}} (null removes an answer)")
            .Produces<AssessmentDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id}/submit", async (HttpContext context, AssessmentStore store, string id) =>
                TypedResults.Ok(await store.SubmitAsync(context.User.Actor(), id, context.RequestAborted)))
            .RequireAuthorization(AuthExtensions.InventoryWrite).WithName("SubmitAssessment")
            .WithSummary("Submit: every visible required question answered; computes the score").ProducesValidationProblem().ProducesProblem(409);
        group.MapPost("/{id}/approve", async (HttpContext context, AssessmentStore store, string id) =>
                TypedResults.Ok(await store.ApproveAsync(context.User.Actor(), id, (await OptionalAsync<CommentRequest>(context))?.Comment, context.RequestAborted)))
            .RequireAuthorization(AuthExtensions.Decide).WithName("ApproveAssessment")
            .WithSummary("Approve a submitted assessment (not your own: 403, recorded)").ProducesProblem(403).ProducesProblem(409);
        group.MapPost("/{id}/reject", async (HttpContext context, AssessmentStore store, string id) =>
                TypedResults.Ok(await store.RejectAsync(context.User.Actor(), id, (await JsonBody.ReadAsync<CommentRequest>(context.Request)).Comment, context.RequestAborted)))
            .RequireAuthorization(AuthExtensions.Decide).WithName("RejectAssessment")
            .WithSummary("Reject a submitted assessment with a comment (not your own: 403, recorded)").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        group.MapPost("/{id}/invalidate", async (HttpContext context, AssessmentStore store, string id) =>
                TypedResults.Ok(await store.InvalidateAsync(context.User.Actor(), id, (await JsonBody.ReadAsync<ReasonRequest>(context.Request)).Reason, context.RequestAborted)))
            .RequireAuthorization(AuthExtensions.Decide).WithName("InvalidateAssessment")
            .WithSummary("Invalidate a submitted or approved assessment, with a reason").ProducesValidationProblem().ProducesProblem(409);
    }

    private static async Task<Created<Assessment>> Start(HttpContext context, AssessmentStore store, string systemId)
    {
        var request = await OptionalAsync<StartAssessmentRequest>(context) ?? new StartAssessmentRequest(null, null);
        var assessment = await store.StartAsync(context.User.Actor(), systemId, request.Template, request.TemplateVersion, context.RequestAborted);
        return TypedResults.Created($"/api/v1/assessments/{assessment.Id}", assessment);
    }

    private static async Task<Ok<AssessmentDetail>> Answer(HttpContext context, AssessmentStore store, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var check = new Check();
        foreach (var (key, _) in body)
            if (key != "answers") check.Fail(key, "is not a known field");
        if (body["answers"] is not JsonObject)
            check.Fail("answers", "is required: an object of question id to answer");
        check.ThrowIfFailed();
        var map = ((JsonObject)body["answers"]!).ToDictionary(a => a.Key, a => a.Value?.DeepClone(), StringComparer.Ordinal);
        return TypedResults.Ok(await store.AnswerAsync(context.User.Actor(), id, map, context.RequestAborted));
    }

    /// <summary>A JSON body that may be left out entirely (no content).</summary>
    private static async Task<T?> OptionalAsync<T>(HttpContext context) where T : class =>
        context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Headers.ContainsKey("Transfer-Encoding"))
            ? null
            : await JsonBody.ReadAsync<T>(context.Request);
}

/// <summary>Which template version to start on; both optional.</summary>
internal sealed record StartAssessmentRequest(string? Template, long? TemplateVersion);

/// <summary>An approver's comment.</summary>
internal sealed record CommentRequest(string? Comment);
