using Steward.Server.Auth;
using Steward.Server.Reports;

namespace Steward.Server.Apis;

/// <summary>Per-system reports built from the ledger: the Annex IV technical documentation pack and the board report.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/systems/{id}/reports/{kind}", Render).RequireAuthorization(AuthExtensions.Read).WithTags("Reports")
            .WithName("SystemReport")
            .WithSummary("A system's technical documentation (EU AI Act Annex IV) or board report, as html, pdf or json; every claim cites ledger entries with inclusion proofs")
            .Produces(200, contentType: "text/html").Produces(200, contentType: "application/pdf").Produces(200, contentType: "application/json")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(503);
    }

    /// <summary>Sends a rendered report (shared with the dashboard's report links).</summary>
    public static async Task<IResult> Render(HttpContext context, ReportService reports, string id, string kind, string? format)
    {
        byte[] body;
        string type, name;
        try
        {
            (body, type, name) = await reports.RenderAsync(id, kind, format, context.User.Actor(), context.RequestAborted);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("font", StringComparison.Ordinal))
        {
            return TypedResults.Problem(title: "PDF reports are unavailable", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        context.Response.Headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = type.StartsWith("application/pdf", StringComparison.Ordinal) ? "attachment" : "inline";
        context.Response.Headers.ContentDisposition = $"{disposition}; filename=\"{name}\"";
        return TypedResults.Bytes(body, type);
    }
}
