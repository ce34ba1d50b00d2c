using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Identity;
using Steward.Governance.Paging;
using Steward.Governance.RedTeam;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>
/// Red-team exercises and findings. Contributors (and service keys, for probe runs in CI) record; anyone who may
/// write the inventory moves findings between open and mitigated; only approvers and admins accept a risk.
/// </summary>
internal static class RedTeamApi
{
    public static void MapRedTeamApi(this IEndpointRouteBuilder app)
    {
        var exercises = app.MapGroup("/api/v1/redteam/exercises").WithTags("Red team");
        exercises.MapPost("", CreateExercise).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("CreateRedTeamExercise").WithSummary("Create a red-team exercise").Accepts<ExerciseRequest>("application/json")
            .Produces<Exercise>(201).ProducesValidationProblem();
        exercises.MapGet("", ListExercises).RequireAuthorization(AuthExtensions.Read)
            .WithName("ListRedTeamExercises").WithSummary("List red-team exercises, optionally of one system");
        exercises.MapGet("/{id}", async (ExerciseStore store, string id, CancellationToken ct) => TypedResults.Ok(await store.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetRedTeamExercise").WithSummary("Get a red-team exercise").ProducesProblem(404);
        exercises.MapPost("/{id}/status", ChangeExerciseStatus).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("ChangeRedTeamExerciseStatus").WithSummary("Move an exercise to planned, running or completed")
            .Accepts<ExerciseStatusChange>("application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var findings = app.MapGroup("/api/v1/redteam/findings").WithTags("Red team");
        findings.MapPost("", RecordFinding).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("RecordRedTeamFinding").WithSummary("Record a red-team finding (it starts open)").Accepts<FindingRequest>("application/json")
            .Produces<Finding>(201).ProducesValidationProblem();
        findings.MapGet("", ListFindings).RequireAuthorization(AuthExtensions.Read)
            .WithName("ListRedTeamFindings").WithSummary("List findings filtered by system, exercise, status and severity");
        findings.MapGet("/{id}", async (FindingStore store, string id, CancellationToken ct) => TypedResults.Ok(await store.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetRedTeamFinding").WithSummary("Get a finding").ProducesProblem(404);
        findings.MapPost("/{id}/status", ChangeFindingStatus).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("ChangeRedTeamFindingStatus")
            .WithSummary("Set a finding open, mitigated or risk_accepted (the last with an approved risk_acceptance decision; approvers and admins)")
            .Accepts<FindingStatusChange>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/redteam/catalog", () => TypedResults.Ok(new RedTeamCatalog(AtlasTechniques.All, OwaspLlmTop10.All)))
            .RequireAuthorization(AuthExtensions.Read).WithTags("Red team").WithName("GetRedTeamCatalog")
            .WithSummary("The MITRE ATLAS technique ids and OWASP LLM Top 10 ids findings may name");
    }

    private static async Task<Created<Exercise>> CreateExercise(HttpContext context, ExerciseStore store)
    {
        var request = await JsonBody.ReadAsync<ExerciseRequest>(context.Request);
        var exercise = await store.CreateAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/redteam/exercises/{exercise.Id}", exercise);
    }

    private static async Task<Ok<Page<Exercise>>> ListExercises(ExerciseStore store, string? system_id, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(system_id, cursor, limit, ct));

    private static async Task<Ok<Exercise>> ChangeExerciseStatus(HttpContext context, ExerciseStore store, string id)
    {
        var change = await JsonBody.ReadAsync<ExerciseStatusChange>(context.Request);
        return TypedResults.Ok(await store.ChangeStatusAsync(context.User.Actor(), id, change, context.RequestAborted));
    }

    private static async Task<Created<Finding>> RecordFinding(HttpContext context, FindingStore store)
    {
        var request = await JsonBody.ReadAsync<FindingRequest>(context.Request);
        var finding = await store.RecordAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/redteam/findings/{finding.Id}", finding);
    }

    private static async Task<Ok<Page<Finding>>> ListFindings(FindingStore store, string? system_id, string? exercise_id, string? status, string? severity,
        string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(new FindingFilter(system_id, exercise_id, status, severity), cursor, limit, ct));

    private static async Task<Ok<Finding>> ChangeFindingStatus(HttpContext context, FindingStore store, string id)
    {
        var change = await JsonBody.ReadAsync<FindingStatusChange>(context.Request);
        var mayAcceptRisk = context.User.IsInRole(Roles.Approver) || context.User.IsInRole(Roles.Admin);
        return TypedResults.Ok(await store.ChangeStatusAsync(context.User.Actor(), id, change, mayAcceptRisk, context.RequestAborted));
    }

    /// <summary>The answer of <c>GET /api/v1/redteam/catalog</c>.</summary>
    internal sealed record RedTeamCatalog(IReadOnlyDictionary<string, string> Atlas, IReadOnlyDictionary<string, string> OwaspLlm);
}
