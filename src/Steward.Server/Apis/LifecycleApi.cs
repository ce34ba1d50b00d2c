using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>Lifecycle stages and the gates between them.</summary>
internal static class LifecycleApi
{
    public static void MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/systems/{id}").WithTags("Lifecycle");
        group.MapGet("/gates/{stage}", Gate).RequireAuthorization(AuthExtensions.Read)
            .WithName("EvaluateGate").WithSummary("Whether the system may move to a stage now, with every unmet requirement")
            .Produces<GateAnswer>().ProducesValidationProblem().ProducesProblem(404);
        group.MapPost("/stage", ChangeStage).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("ChangeStage").WithSummary("Move the system to a stage; 409 with the unmet requirements when the gate refuses")
            .Accepts<StageChangeRequest>("application/json").Produces<StageChangeAnswer>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/stages", History).RequireAuthorization(AuthExtensions.Read)
            .WithName("StageHistory").WithSummary("The system's recorded stage changes and refusals, newest first")
            .Produces<IReadOnlyList<StageEvent>>().ProducesProblem(404);
    }

    private static async Task<Ok<GateAnswer>> Gate(HttpContext context, GateEngine gates, string id, string stage) =>
        TypedResults.Ok(GateAnswer.Of(await gates.EvaluateAsync(id, stage, context.User.Actor(), context.RequestAborted)));

    private static async Task<Ok<StageChangeAnswer>> ChangeStage(HttpContext context, GateEngine gates, string id)
    {
        var request = await JsonBody.ReadAsync<StageChangeRequest>(context.Request);
        var change = await gates.ChangeStageAsync(context.User.Actor(), id, request.To, request.Reason, context.RequestAborted);
        return TypedResults.Ok(new StageChangeAnswer(change.System, GateAnswer.Of(change.Gate), change.LedgerIndex));
    }

    private static async Task<Ok<IReadOnlyList<StageEvent>>> History(SystemStore systems, StageHistory history, string id, int? limit, CancellationToken ct)
    {
        _ = await systems.GetAsync(id, ct);
        return TypedResults.Ok(await history.ListAsync(id, limit ?? 50, ct));
    }
}

/// <summary>A request to move a system to a stage.</summary>
/// <param name="To">The stage.</param>
/// <param name="Reason">Why (optional; recorded).</param>
internal sealed record StageChangeRequest(string? To, string? Reason);

/// <summary>A gate's answer on the wire.</summary>
internal sealed record GateAnswer(bool Allowed, IReadOnlyList<UnmetRequirement> Unmet, string SystemId, string From, string To, long PolicyRevision, DateTimeOffset EvaluatedAt)
{
    public static GateAnswer Of(GateResult r) => new(r.Allowed, r.Unmet, r.SystemId, r.From, r.To, r.PolicyRevision, r.EvaluatedAt);
}

/// <summary>The answer to an allowed stage change.</summary>
internal sealed record StageChangeAnswer(AiSystem System, GateAnswer Gate, long LedgerIndex);
