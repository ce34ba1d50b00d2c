using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Ledger;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The audit trail: ledger entries newest first, each checked against the latest signed checkpoint.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditPages(this RouteGroupBuilder ui) =>
        ui.MapGet("/audit", Trail).RequireAuthorization(AuthExtensions.Read);

    private static async Task<ContentHttpResult> Trail(HttpContext context, AuditVerifier verifier, LedgerReader reader)
    {
        var ct = context.RequestAborted;
        var query = AuditQuery.From(context.Request);
        var errors = query.Errors.ToList();

        // The checkpoint first: entries appended while this page is built are then shown as not yet covered.
        var checkpoint = await verifier.LatestCheckpointAsync(ct);
        Governance.Paging.Page<LedgerEntry>? page = null;
        try
        {
            page = await reader.ListAsync(query.Filter, query.Page.Cursor, query.Page.Limit, ct);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The page link is not valid ({m}). Start again from the newest entries."));
        }

        var rows = new List<AuditRow>();
        foreach (var entry in page?.Items ?? [])
        {
            var envelope = AuditRow.ParseEnvelope(entry.Leaf);
            rows.Add(new AuditRow(entry, envelope, await verifier.VerifyAsync(entry, envelope, checkpoint, ct)));
        }
        var names = await SubjectNames.LookUpAsync(context.RequestServices, rows.Select(r => r.Subject), ct);
        var main = AuditPage.Render(query, checkpoint, rows, page?.NextCursor, names, errors, page is not null);
        return DashboardResults.Page(context, "Audit trail", DashboardArea.Audit, main,
            page is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
