using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Inventory;
using Steward.Governance.Paging;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>AI systems inventory.</summary>
internal static class SystemsApi
{
    public static void MapSystemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/systems").WithTags("Inventory");
        group.MapPost("", Register).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("RegisterSystem").WithSummary("Register an AI system").Accepts<SystemRegistration>("application/json")
            .Produces<AiSystem>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", List).RequireAuthorization(AuthExtensions.Read).WithName("ListSystems").WithSummary("List AI systems");
        group.MapGet("/{id}", Get).RequireAuthorization(AuthExtensions.Read).WithName("GetSystem").WithSummary("Get an AI system").ProducesProblem(404);
        group.MapPatch("/{id}", Update).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("UpdateSystem").WithSummary("Change some fields of an AI system").Accepts<SystemUpdate>("application/json")
            .ProducesValidationProblem().ProducesProblem(404);
    }

    private static async Task<Created<AiSystem>> Register(HttpContext context, SystemStore systems)
    {
        var request = await JsonBody.ReadAsync<SystemRegistration>(context.Request);
        var system = await systems.RegisterAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/systems/{system.Id}", system);
    }

    private static async Task<Ok<Page<AiSystem>>> List(SystemStore systems, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await systems.ListAsync(cursor, limit, ct));

    private static async Task<Ok<AiSystem>> Get(SystemStore systems, string id, CancellationToken ct) =>
        TypedResults.Ok(await systems.GetAsync(id, ct));

    private static async Task<Ok<AiSystem>> Update(HttpContext context, SystemStore systems, string id)
    {
        var request = await JsonBody.ReadAsync<SystemUpdate>(context.Request);
        return TypedResults.Ok(await systems.UpdateAsync(context.User.Actor(), id, request, context.RequestAborted));
    }
}
