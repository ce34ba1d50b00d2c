using Prometheus;
using Scalar.AspNetCore;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;
using Steward.Server.Auth;

namespace Steward.Server.Apis;

/// <summary>Health (anonymous), API docs (anonymous) and Prometheus metrics (authenticated).</summary>
internal static class HealthApi
{
    private static readonly Gauge LedgerSize = Metrics.CreateGauge("steward_ledger_size", "Entries in the governance ledger.");

    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (StewardDatabase db, LedgerReader reader, CancellationToken ct) =>
        {
            var (size, _) = await reader.HeadAsync(ct);
            LedgerSize.Set(size);
            return TypedResults.Ok(new Health("ok", db.ProviderName, size));
        }).AllowAnonymous().WithTags("Health").WithName("Health").WithSummary("Liveness and ledger size");
        app.MapMetrics("/metrics").RequireAuthorization(AuthExtensions.Read);
    }

    public static void AddStewardApiDocs(this WebApplicationBuilder builder) => builder.Services.AddOpenApi();

    public static void MapStewardApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Steward API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapGet("/docs", () => TypedResults.Redirect("/docs/v1")).AllowAnonymous().ExcludeFromDescription();
    }

    public static void UseStewardMetrics(this WebApplication app) => app.UseHttpMetrics();

    private sealed record Health(string Status, string Store, long LedgerSize);
}
