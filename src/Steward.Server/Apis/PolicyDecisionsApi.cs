using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Paging;
using Steward.Governance.Policies;
using Steward.Server.Auth;

namespace Steward.Server.Apis;

/// <summary>The decision log: every policy evaluation (this server's, OPA agents', sidecars'), newest first.</summary>
internal static class PolicyDecisionsApi
{
    public static void MapPolicyDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policy-decisions").WithTags("Policies");
        group.MapGet("", List).RequireAuthorization(AuthExtensions.Read)
            .WithName("ListPolicyDecisions").WithSummary("List policy decisions, newest first (filter by endpoint, allowed, source)")
            .ProducesValidationProblem();
        group.MapGet("/{decisionId}", Get).RequireAuthorization(AuthExtensions.Read)
            .WithName("GetPolicyDecision").WithSummary("Get the decision-log events with a decision id").ProducesProblem(404);
    }

    private static async Task<Ok<Page<PolicyDecision>>> List(DecisionLogStore log, string? endpoint, string? allowed, string? source,
        string? cursor, int? limit, CancellationToken ct)
    {
        var check = new Check();
        bool? allowedValue = allowed switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail(check, "allowed", "must be true or false"),
        };
        check.OneOf("source", source, DecisionSource.All, required: false);
        if (endpoint is not null) check.Text("endpoint", endpoint, 256);
        check.ThrowIfFailed();
        return TypedResults.Ok(await log.ListAsync(endpoint, allowedValue, source, cursor, limit, ct));
    }

    private static async Task<Ok<IReadOnlyList<PolicyDecision>>> Get(DecisionLogStore log, string decisionId, CancellationToken ct)
    {
        var found = await log.FindAsync(decisionId, ct);
        return found.Count == 0 ? throw new NotFoundException($"decision {decisionId} is not in the decision log") : TypedResults.Ok(found);
    }

    private static bool? Fail(Check check, string field, string message)
    {
        check.Fail(field, message);
        return null;
    }
}
