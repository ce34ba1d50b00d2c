using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Inventory;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>Models and datasets inventory.</summary>
internal static class ModelsApi
{
    public static void MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/models").WithTags("Inventory");
        group.MapPost("", Register).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("RegisterModel").WithSummary("Register a model").Accepts<ModelRegistration>("application/json")
            .Produces<Model>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", async (ModelStore models, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await models.ListAsync(cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListModels").WithSummary("List models");
        group.MapGet("/{id}", async (ModelStore models, string id, CancellationToken ct) => TypedResults.Ok(await models.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetModel").WithSummary("Get a model").ProducesProblem(404);
    }

    public static void MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets").WithTags("Inventory");
        group.MapPost("", RegisterDataset).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("RegisterDataset").WithSummary("Register a dataset").Accepts<DatasetRegistration>("application/json")
            .Produces<Dataset>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", async (DatasetStore datasets, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await datasets.ListAsync(cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListDatasets").WithSummary("List datasets");
        group.MapGet("/{id}", async (DatasetStore datasets, string id, CancellationToken ct) => TypedResults.Ok(await datasets.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetDataset").WithSummary("Get a dataset").ProducesProblem(404);
    }

    private static async Task<Created<Model>> Register(HttpContext context, ModelStore models)
    {
        var request = await JsonBody.ReadAsync<ModelRegistration>(context.Request);
        var model = await models.RegisterAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/models/{model.Id}", model);
    }

    private static async Task<Created<Dataset>> RegisterDataset(HttpContext context, DatasetStore datasets)
    {
        var request = await JsonBody.ReadAsync<DatasetRegistration>(context.Request);
        var dataset = await datasets.RegisterAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/datasets/{dataset.Id}", dataset);
    }
}
