using System.Globalization;
using Steward.Governance.Paging;
using Steward.Governance.RedTeam;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.RedTeam;

/// <summary>Markup of the red-team page: filters, findings, exercises.</summary>
internal static class RedTeamPage
{
    public static Html Render(RedTeamQuery query, IReadOnlyList<string> errors, Page<Finding>? findings, Page<Exercise> exercises,
        long attention, IReadOnlyDictionary<string, string> systems)
    {
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Some filters could not be used", errors);
        var scope = query.SystemId is null ? "" : $" of {systems.GetValueOrDefault(query.SystemId, query.SystemId)}";
        var alert = attention == 0
            ? Html.Of($"""<div class="alert alert-ok" role="status" id="attention">No open critical or high finding{scope}.</div>""")
            : Html.Of($"""<div class="alert alert-error" role="status" id="attention"><strong>{attention.ToString(CultureInfo.InvariantCulture)} open critical or high {(attention == 1 ? "finding" : "findings")}{scope}.</strong> They block deployment until mitigated or their risk is accepted by a recorded decision.</div>""");
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Red team</h1><p>Findings of red-team exercises and automated probes, mapped to MITRE ATLAS and the OWASP Top 10 for LLM Applications. Every finding and status change is a ledger entry.</p></div>
            </div>
            {alert}
            {Filters(query)}
            {problems}
            {(findings is null ? Html.Empty : FindingsTable(query, findings, systems))}
            {ExercisesTable(exercises, systems)}
            """);
    }

    private static Html Filters(RedTeamQuery query)
    {
        var clear = query.IsFiltered ? Html.Of($"""<a class="btn btn-secondary" href="{RedTeamQuery.Path}">Clear filters</a>""") : Html.Empty;
        return Html.Of($"""
            <section class="card" aria-labelledby="filters-title">
              <h2 id="filters-title">Filter findings</h2>
              <form method="get" action="{RedTeamQuery.Path}" class="filters">
                <div class="field"><label for="f-severity">Severity</label>
                  <select id="f-severity" name="severity">{Options("Any severity", Finding.Severities, query.Severity)}</select></div>
                <div class="field"><label for="f-status">Status</label>
                  <select id="f-status" name="status">{Options("Any status", Finding.Statuses, query.Status)}</select></div>
                <div class="field"><label for="f-system">System ID</label>
                  <input id="f-system" name="system_id" value="{query.SystemId}" spellcheck="false" autocomplete="off"></div>
                <div class="actions"><button type="submit" class="btn">Apply filters</button>{clear}</div>
              </form>
            </section>
            """);
    }

    private static Html FindingsTable(RedTeamQuery query, Page<Finding> page, IReadOnlyDictionary<string, string> systems)
    {
        if (page.Items.Count == 0 && query.Page.Cursor is null)
        {
            var message = query.IsFiltered
                ? Html.Of($"No findings match these filters.")
                : Html.Of($"No red-team findings are recorded yet. Record one with <code>steward redteam finding add</code> or run <code>steward redteam probe</code>.");
            return Html.Of($"""<div class="table-wrap" id="findings"><p class="empty">{message}</p></div>""");
        }
        var rows = page.Items.Select(f =>
        {
            var severe = f.Status == "open" && f.Severity is "critical" or "high";
            return Html.Of($"""
                <tr{(severe ? Html.Of($" class=\"attention\"") : Html.Empty)} data-finding="{f.Id}">
                  <td data-label="Severity"><span class="badge severity-{f.Severity}">{f.Severity}</span>{(severe ? Html.Of($"<span class=\"badge claim\">open</span>") : Html.Empty)}</td>
                  <td data-label="Finding"><span class="name">{f.Title}</span><span class="sub" title="{f.Description}">{Format.Truncate(f.Description, 140)}</span></td>
                  <td data-label="System">{systems.GetValueOrDefault(f.SystemId, f.SystemId)}</td>
                  <td data-label="Status">{Format.StatusTag(f.Status.Replace('_', ' '))}{Acceptance(f)}</td>
                  <td data-label="ATLAS / OWASP">{Ids(f.Atlas.Concat(f.OwaspLlm))}</td>
                  <td data-label="Source">{f.Source}</td>
                  <td data-label="Recorded" class="nowrap">{Format.Date(f.RecordedAt)}</td>
                </tr>
                """);
        });
        var pager = Pager.Render(page.Items.Count, "finding", "findings", query.Page.Cursor is null, query.Url(),
            page.NextCursor is null ? null : query.Url(page.NextCursor));
        return Html.Of($"""
            <h2 class="section-title">Findings</h2>
            <div class="table-wrap" id="findings">
              <table class="responsive">
                <caption>Findings <span class="muted">· in recording order</span></caption>
                <thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">System</th><th scope="col">Status</th><th scope="col">ATLAS / OWASP</th><th scope="col">Source</th><th scope="col">Recorded</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
              {pager}
            </div>
            """);
    }

    private static Html ExercisesTable(Page<Exercise> page, IReadOnlyDictionary<string, string> systems)
    {
        if (page.Items.Count == 0)
            return Html.Of($"""<section class="card" id="exercises"><h2>Exercises</h2><p class="muted">No exercises yet. Create one with <code>steward redteam exercise add</code>.</p></section>""");
        var rows = page.Items.Select(e => Html.Of($"""
            <tr>
              <td data-label="Exercise"><span class="name">{e.Name}</span><span class="sub">{Format.Truncate(e.Scope, 140)}</span></td>
              <td data-label="System">{systems.GetValueOrDefault(e.SystemId, e.SystemId)}</td>
              <td data-label="Dates" class="nowrap">{e.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {e.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td>
              <td data-label="Team">{string.Join(", ", e.Team)}</td>
              <td data-label="Status">{Format.StatusTag(e.Status)}</td>
            </tr>
            """));
        var more = page.NextCursor is null ? Html.Empty : Html.Of($"""<p class="pager">Showing the first {RedTeamEndpoints.ExerciseLimit} exercises; list all with <code>steward redteam exercise list --all</code>.</p>""");
        return Html.Of($"""
            <h2 class="section-title">Exercises</h2>
            <div class="table-wrap" id="exercises">
              <table class="responsive">
                <caption>Exercises <span class="muted">· in creation order</span></caption>
                <thead><tr><th scope="col">Exercise</th><th scope="col">System</th><th scope="col">Dates</th><th scope="col">Team</th><th scope="col">Status</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
              {more}
            </div>
            """);
    }

    private static Html Acceptance(Finding f) => f.RiskAcceptance is null
        ? Html.Empty
        : Html.Of($"<span class=\"sub\">decision {Format.Short(f.RiskAcceptance)}</span>");

    private static Html Ids(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? Format.OrDash(null) : Html.Join(list.Select(id => Html.Of($"<code class=\"nowrap\" title=\"{Title(id)}\">{id}</code> ")));
    }

    private static string Title(string id) => AtlasTechniques.NameOf(id) ?? OwaspLlmTop10.All.GetValueOrDefault(id) ?? id;

    private static IEnumerable<Html> Options(string anyLabel, string[] values, string? selected)
    {
        yield return Html.Of($"<option value=\"\">{anyLabel}</option>");
        foreach (var value in values)
            yield return Html.Of($"<option value=\"{value}\"{(value == selected ? Html.Of($" selected") : Html.Empty)}>{value.Replace('_', ' ')}</option>");
    }
}
