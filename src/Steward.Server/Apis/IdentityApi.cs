using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Identity;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>Who am I, API keys (admin) and actors' signing keys.</summary>
internal static class IdentityApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/me", (HttpContext context) =>
        {
            var actor = context.User.Actor();
            return TypedResults.Ok(new Me(actor.Id, actor.Kind, actor.Id, context.User.Roles()));
        }).RequireAuthorization(AuthExtensions.Read).WithTags("Identity").WithName("Me").WithSummary("The authenticated identity");

    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("Identity").RequireAuthorization(AuthExtensions.Admin);
        group.MapPost("", CreateKey).WithName("CreateApiKey").WithSummary("Create an API key (the secret is shown once)")
            .Accepts<ApiKeyRequest>("application/json").Produces<ApiKeyCreated>(201).ProducesValidationProblem();
        group.MapGet("", async (ApiKeyStore keys, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(cursor, limit, ct)))
            .WithName("ListApiKeys").WithSummary("List API keys (no secrets)");
        group.MapDelete("/{id}", async (HttpContext context, ApiKeyStore keys, string id) =>
        {
            await keys.RevokeAsync(context.User.Actor(), id, context.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("RevokeApiKey").WithSummary("Revoke an API key").ProducesProblem(404);
    }

    public static void MapActorKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actor-keys").WithTags("Identity");
        group.MapPost("", async (HttpContext context, ActorKeyStore keys) =>
        {
            var request = await JsonBody.ReadAsync<ActorKeyRequest>(context.Request);
            var key = await keys.RegisterAsync(context.User.Actor(), request.PublicKey, context.RequestAborted);
            return TypedResults.Created($"/api/v1/actor-keys/{key.KeyId}", key);
        }).RequireAuthorization(AuthExtensions.OwnKeys).WithName("RegisterActorKey").WithSummary("Register a public key to sign decisions")
            .Accepts<ActorKeyRequest>("application/json").Produces<ActorKey>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", async (ActorKeyStore keys, string? actor_id, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(actor_id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListActorKeys").WithSummary("List registered signing keys");
        group.MapDelete("/{keyId}", async (HttpContext context, ActorKeyStore keys, string keyId) =>
        {
            await keys.RevokeAsync(context.User.Actor(), context.User.IsInRole(Roles.Admin), keyId, context.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthExtensions.OwnKeys).WithName("RevokeActorKey").WithSummary("Revoke a signing key").ProducesProblem(404);
    }

    private static async Task<Created<ApiKeyCreated>> CreateKey(HttpContext context, ApiKeyStore keys)
    {
        var request = await JsonBody.ReadAsync<ApiKeyRequest>(context.Request);
        var created = await keys.CreateAsync(context.User.Actor(), request.Name, request.Roles, request.ExpiresAt, request.Actor, null, context.RequestAborted);
        var k = created.Key;
        return TypedResults.Created($"/api/v1/api-keys/{k.Id}",
            new ApiKeyCreated(k.Id, k.Name, k.Prefix, k.Roles, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt, k.Actor, created.Secret));
    }
}

/// <summary>The authenticated identity.</summary>
internal sealed record Me(string Id, string Kind, string Name, IReadOnlyList<string> Roles);

/// <summary>Creating an API key.</summary>
internal sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Roles, DateTimeOffset? ExpiresAt, string? Actor);

/// <summary>A created API key with its secret (shown once).</summary>
internal sealed record ApiKeyCreated(string Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string Actor, string Key);

/// <summary>Registering a signing key.</summary>
internal sealed record ActorKeyRequest(string? PublicKey);
