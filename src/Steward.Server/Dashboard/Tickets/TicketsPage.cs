using Steward.Governance.Paging;
using Steward.Governance.Tickets;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Tickets;

/// <summary>Markup of <c>/ui/tickets</c>.</summary>
internal static class TicketsPage
{
    private static readonly (string? Status, string Label)[] StatusTabs =
        [(null, "All"), (Ticket.Open, "Open"), (Ticket.InProgress, "In progress"), (Ticket.Done, "Done"), (Ticket.Cancelled, "Cancelled")];

    public static Html Render(Page<Ticket>? page, OutboxBacklog backlog, IReadOnlyList<string> targets, TicketFilter filter, PageRequest request,
        IReadOnlyDictionary<string, string> systems, IReadOnlyList<string> errors)
    {
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Some of the request was not used", errors);
        var tabs = StatusTabs.Select(t => Html.Of(
            $"<a href=\"{(filter with { Status = t.Status }).Url()}\"{(filter.Status == t.Status ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{t.Label}</a>"));
        var systemNote = filter.SystemId is null ? Html.Empty
            : Html.Of($"""<p>System <strong>{systems.GetValueOrDefault(filter.SystemId, filter.SystemId)}</strong> only. <a href="{(filter with { SystemId = null }).Url()}">Show all systems</a></p>""");
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Tickets</h1><p>Steward's tracker. Registering a system opens its blocking AI Risk Assessment ticket; an approved assessment that passes closes it. Every change is a ledger entry.</p></div>
            </div>
            {problems}
            <nav class="tabs" aria-label="Ticket status">{tabs}</nav>
            <form class="filters" method="get" action="/ui/tickets">
              {(filter.Status is null ? Html.Empty : Html.Of($"<input type=\"hidden\" name=\"status\" value=\"{filter.Status}\">"))}
              <label for="system_id">System id</label>
              <input id="system_id" name="system_id" type="text" value="{filter.SystemId ?? ""}" maxlength="100">
              <button type="submit" class="btn btn-secondary">Filter</button>
            </form>
            {systemNote}
            {List(page, filter, request, systems)}
            {Backlog(backlog, targets)}
            """);
    }

    private static Html List(Page<Ticket>? page, TicketFilter filter, PageRequest request, IReadOnlyDictionary<string, string> systems)
    {
        if (page is null) return Html.Empty;
        if (page.Items.Count == 0 && request.Cursor is null)
            return Html.Of($"""<div class="table-wrap"><p class="empty">No tickets match. Registering an AI system opens its intake ticket; <code>POST /api/v1/tickets</code> opens one by hand.</p></div>""");
        var limit = request.LimitParameter(TicketsEndpoints.DefaultLimit);
        var pager = Pager.Render(page.Items.Count, "ticket", "tickets", request.Cursor is null, filter.Url(limit: limit),
            page.NextCursor is null ? null : filter.Url(page.NextCursor, limit));
        var rows = page.Items.Select(t => Html.Of($"""
            <tr>
              <td data-label="Key" class="nowrap"><code>{t.Key}</code></td>
              <td data-label="Title"><span class="name">{t.Title}</span><span class="sub">{t.Kind}{(t.Resolution is null ? Html.Empty : Html.Of($" · {Format.Truncate(t.Resolution, 110)}"))}</span></td>
              <td data-label="System"><a href="{(filter with { SystemId = t.SystemId }).Url()}">{systems.GetValueOrDefault(t.SystemId, t.SystemId)}</a></td>
              <td data-label="Status">{Format.StatusTag(t.Status)}</td>
              <td data-label="Blocking">{(t.Blocking ? Html.Of($"<span class=\"badge risk-high\">blocking</span>") : Html.Of($"<span class=\"muted\">no</span>"))}</td>
              <td data-label="Mirrors">{Mirrors(t.External)}</td>
              <td data-label="Updated" class="nowrap">{Format.Date(t.UpdatedAt)}</td>
              <td data-label="Audit"><a class="nowrap" href="{UiUrl.With("/ui/audit", ("subject_kind", "ticket"), ("subject_id", t.Id))}" aria-label="Audit trail of {t.Key}">History</a></td>
            </tr>
            """));
        return Html.Of($"""
            <div class="table-wrap">
              <table class="responsive" id="tickets">
                <caption>Tickets <span class="muted">· in key order</span></caption>
                <thead><tr><th scope="col">Key</th><th scope="col">Title</th><th scope="col">System</th><th scope="col">Status</th><th scope="col">Blocking</th><th scope="col">Mirrors</th><th scope="col">Updated</th><th scope="col"><span class="visually-hidden">Audit trail</span></th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
              {pager}
            </div>
            """);
    }

    private static Html Mirrors(TicketExternal external)
    {
        var parts = new List<Html>();
        if (external.JiraKey is { } jira) parts.Add(Html.Of($"<span class=\"tag\">Jira {jira}{(external.JiraStatus is null ? Html.Empty : Html.Of($": {external.JiraStatus}"))}</span>"));
        if (external.ServiceNowNumber is { } number) parts.Add(Html.Of($"<span class=\"tag\">ServiceNow {number}</span>"));
        return parts.Count == 0 ? Format.OrDash(null) : Html.Of($"{parts}");
    }

    private static Html Backlog(OutboxBacklog backlog, IReadOnlyList<string> targets)
    {
        var configured = targets.Count == 0
            ? Html.Of($"No outside tracker is configured (see Tickets:Jira and Tickets:ServiceNow); tickets live in Steward only.")
            : Html.Of($"Mirrored to {string.Join(" and ", targets)}. Calls are queued with each change and retried with backoff until they arrive.");
        var summary = Html.Of($"<p id=\"backlog-summary\"><strong>{backlog.Pending}</strong> pending, <strong>{backlog.Failing}</strong> failing.</p>");
        var table = backlog.Items.Count == 0 ? Html.Of($"<div class=\"table-wrap\"><p class=\"empty\">Nothing is waiting.</p></div>") : Html.Of($"""
            <div class="table-wrap">
            <table class="responsive" id="backlog">
              <caption>Pending deliveries <span class="muted">· oldest first</span></caption>
              <thead><tr><th scope="col">Ticket</th><th scope="col">Target</th><th scope="col">Operation</th><th scope="col">Attempts</th><th scope="col">Next attempt</th><th scope="col">Last error</th></tr></thead>
              <tbody>{backlog.Items.Select(i => Html.Of($"""
                <tr>
                  <td data-label="Ticket"><code>{i.TicketKey}</code></td>
                  <td data-label="Target">{i.Target}</td>
                  <td data-label="Operation">{i.Operation}</td>
                  <td data-label="Attempts">{i.Attempts}</td>
                  <td data-label="Next attempt" class="nowrap">{Format.Time(i.NextAttemptAt)}</td>
                  <td data-label="Last error">{Format.OrDash(i.LastError)}</td>
                </tr>
                """))}</tbody>
            </table>
            </div>
            """);
        return Html.Of($"""
            <section aria-labelledby="backlog-heading">
              <h2 id="backlog-heading">Delivery backlog</h2>
              <p>{configured}</p>
              {summary}
              {table}
            </section>
            """);
    }
}
