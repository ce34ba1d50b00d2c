using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Monitors;
using Steward.Governance.Paging;
using Steward.Server.Auth;
using Steward.Server.Monitors;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>
/// Drift monitors: definitions (ledger entries on every change), the reference profile, production batches folded
/// into the open window, runs (scheduled or on demand) and their reports.
/// </summary>
internal static class MonitorsApi
{
    public static void MapMonitorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/monitors").WithTags("Monitors")
            .WithExceptionProblems(e => e is BodyTooLargeException t ? TypedResults.Problem(t.Message, statusCode: 413, title: "Payload too large") : null);
        group.MapPost("", Create).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("CreateMonitor").WithSummary("Create a drift monitor").Accepts<MonitorRequest>("application/json")
            .Produces<DriftMonitor>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", async (MonitorStore monitors, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await monitors.ListAsync(cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListMonitors").WithSummary("List drift monitors").Produces<Page<DriftMonitor>>();
        group.MapGet("/{id}", async (MonitorStore monitors, string id, CancellationToken ct) => TypedResults.Ok(await monitors.GetAsync(id, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetMonitor").WithSummary("Get a drift monitor").Produces<DriftMonitor>().ProducesProblem(404);
        group.MapPut("/{id}", Update).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("UpdateMonitor").WithSummary("Replace a monitor's definition").Accepts<MonitorRequest>("application/json")
            .Produces<DriftMonitor>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapDelete("/{id}", Delete).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("DeleteMonitor").WithSummary("Delete a monitor with its windows and runs").Produces(204).ProducesProblem(404);
        group.MapPut("/{id}/reference", SetReference).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("SetMonitorReference").WithSummary("Set the reference: a drift profile (application/json) or a CSV / JSON Lines file the server profiles")
            .Produces<DriftMonitor>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        group.MapPost("/{id}/batches", Ingest).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("IngestMonitorBatch").WithSummary("Fold a CSV or JSON Lines batch of production data into the open window")
            .Produces<BatchReceipt>(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        group.MapPost("/{id}/labels", PostLabels).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("PostMonitorLabels").WithSummary("Join late labels (CSV or JSON Lines: the id_column and label columns) to the predictions waiting for them")
            .Produces<LabelReceipt>(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        group.MapGet("/{id}/labels", async (MonitorStore monitors, MonitorLabelStore labels, string id, CancellationToken ct) =>
            {
                await monitors.GetAsync(id, ct);
                return TypedResults.Ok(await labels.CountsAsync(id, ct));
            })
            .RequireAuthorization(AuthExtensions.Read).WithName("GetMonitorLabels").WithSummary("A monitor's late-label counts").Produces<LabelCounts>().ProducesProblem(404);
        group.MapPost("/{id}/runs", Run).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("RunMonitor").WithSummary("Run a monitor now: compare the open window with the reference and close it")
            .Produces<MonitorRun>(201).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id}/runs", async (MonitorRunStore runs, string id, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await runs.ListAsync(id, cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListMonitorRuns").WithSummary("List a monitor's runs, newest first").Produces<Page<MonitorRun>>().ProducesProblem(404);
        group.MapGet("/{id}/runs/{runId}", GetRun)
            .RequireAuthorization(AuthExtensions.Read).WithName("GetMonitorRun").WithSummary("Get a run with its report (JSON), or the report as self-contained HTML with ?format=html")
            .Produces<MonitorRun>().Produces(200, contentType: "text/html").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Created<DriftMonitor>> Create(HttpContext context, MonitorStore monitors)
    {
        var request = await JsonBody.ReadAsync<MonitorRequest>(context.Request);
        var monitor = await monitors.CreateAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/monitors/{monitor.Id}", monitor);
    }

    private static async Task<Ok<DriftMonitor>> Update(HttpContext context, string id, MonitorStore monitors)
    {
        var request = await JsonBody.ReadAsync<MonitorRequest>(context.Request);
        return TypedResults.Ok(await monitors.UpdateAsync(context.User.Actor(), id, request, context.RequestAborted));
    }

    private static async Task<NoContent> Delete(HttpContext context, string id, MonitorStore monitors)
    {
        await monitors.DeleteAsync(context.User.Actor(), id, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DriftMonitor>, ProblemHttpResult>> SetReference(HttpContext context, string id, MonitorService service, MonitorOptions options)
    {
        if (BatchFormats.FromContentType(context.Request.ContentType) is not { } format)
            return Unsupported("a drift profile (application/json) or a data file (" + BatchFormats.Accepted + ")");
        AllowBody(context, options.MaxReferenceBytes);
        using var body = await BoundedBody.ReadAsync(context.Request, options.MaxReferenceBytes, () => TooLarge(options.MaxReferenceBytes, "MaxReferenceBytes"));
        return TypedResults.Ok(await service.SetReferenceAsync(context.User.Actor(), id, body.GetBuffer().AsMemory(0, (int)body.Length), format, context.RequestAborted));
    }

    private static async Task<Results<Ok<BatchReceipt>, ProblemHttpResult>> Ingest(HttpContext context, string id, MonitorService service, MonitorOptions options)
    {
        if (BatchFormats.FromContentType(context.Request.ContentType) is not { } format || format == BatchFormat.Profile)
            return Unsupported(BatchFormats.Accepted);
        AllowBody(context, options.MaxBatchBytes);
        using var body = await BoundedBody.ReadAsync(context.Request, options.MaxBatchBytes, () => TooLarge(options.MaxBatchBytes, "MaxBatchBytes"));
        return TypedResults.Ok(await service.IngestAsync(id, body.GetBuffer().AsMemory(0, (int)body.Length), format, context.RequestAborted));
    }

    private static async Task<Results<Ok<LabelReceipt>, ProblemHttpResult>> PostLabels(HttpContext context, string id, LabelJoin join, MonitorOptions options)
    {
        if (BatchFormats.FromContentType(context.Request.ContentType) is not { } format || format == BatchFormat.Profile)
            return Unsupported(BatchFormats.Accepted);
        AllowBody(context, options.MaxBatchBytes);
        using var body = await BoundedBody.ReadAsync(context.Request, options.MaxBatchBytes, () => TooLarge(options.MaxBatchBytes, "MaxBatchBytes"));
        return TypedResults.Ok(await join.PostAsync(context.User.Actor(), id, body.GetBuffer().AsMemory(0, (int)body.Length), format, context.RequestAborted));
    }

    private static async Task<Created<MonitorRun>> Run(HttpContext context, string id, MonitorService service)
    {
        var run = await service.RunAsync(context.User.Actor(), id, "manual", context.RequestAborted);
        return TypedResults.Created($"/api/v1/monitors/{id}/runs/{run.Id}", run);
    }

    private static async Task<IResult> GetRun(HttpContext context, string id, string runId, MonitorStore monitors, MonitorRunStore runs, string? format)
    {
        if (format == "html") return await RunReportHtml.SendAsync(context, id, runId, monitors, runs);
        if (format is not (null or "json")) throw new ValidationFailedException("format", "must be json or html");
        return TypedResults.Ok(await runs.GetAsync(id, runId, context.RequestAborted));
    }

    private static ProblemHttpResult Unsupported(string accepted) =>
        TypedResults.Problem($"The content type must be {accepted}.", statusCode: 415, title: "Unsupported media type");

    // Batches and references are larger than the server's default body limit (Server:MaxRequestBodyBytes): these endpoints have their own.
    private static void AllowBody(HttpContext context, int limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
    }

    private static BodyTooLargeException TooLarge(int max, string setting) => new($"The body is larger than the {max} bytes allowed (Monitors:{setting}).");

    private sealed class BodyTooLargeException(string message) : Exception(message);
}
