using System.Globalization;
using Steward.Governance.Paging;
using Steward.Governance.Policies;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;
using Steward.Server.Policies;

namespace Steward.Server.Dashboard.Policies;

/// <summary>Markup of the policies page.</summary>
internal static class PolicyPage
{
    public static Html Render(PolicyState state, IReadOnlyList<IReadOnlyList<PolicyModule>> histories, IReadOnlyList<PolicyTestResult> tests,
        Page<PolicyDecision>? decisions, DecisionFilter filter, PageRequest request, IReadOnlyList<string> errors)
    {
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Some of the request was not used", errors);
        var compile = state.Errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("The stored policies do not compile; every evaluation fails closed",
            state.Errors.Select(e => e.ToString()));
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Policies</h1><p>Rego modules evaluated by the OPA-compatible API (<code>/v1/data</code>). Every change is a ledger entry; every evaluation is in the decision log.</p></div>
            </div>
            {problems}
            {compile}
            {Modules(histories)}
            {Tests(tests, state)}
            {Decisions(decisions, filter, request)}
            """);
    }

    private static Html Modules(IReadOnlyList<IReadOnlyList<PolicyModule>> histories)
    {
        if (histories.Count == 0)
        {
            return Html.Of($"""
                <section aria-labelledby="modules-title"><h2 id="modules-title">Modules</h2>
                <div class="table-wrap"><p class="empty">No policies are stored yet. Upload one with <code>steward policy push</code> or <code>PUT /v1/policies/ID</code>.</p></div></section>
                """);
        }
        var rows = histories.Select(h =>
        {
            var current = h[^1];
            var versions = h.Reverse().Select(v => Html.Of($"""
                <li>v{v.Version} {(v.Deleted ? Html.Of($"<strong>deleted</strong>") : Format.Short(v.Sha256))} by {v.CreatedBy}, {Format.Time(v.CreatedAt)} (ledger #{v.LedgerIndex})</li>
                """));
            return Html.Of($"""
                <tr id="module-{Format.Token(current.Id)}">
                  <td data-label="Module"><span class="name">{current.Id}</span>
                    <details class="raw"><summary>Rego text</summary><pre>{current.Raw}</pre></details></td>
                  <td data-label="Package"><code>data.{current.Package}</code></td>
                  <td data-label="Version" class="num">{current.Version}</td>
                  <td data-label="SHA-256">{Format.Short(current.Sha256)}</td>
                  <td data-label="Changed" class="nowrap">{current.CreatedBy}<span class="sub">{Format.Date(current.CreatedAt)}</span></td>
                  <td data-label="History"><details class="raw"><summary>{h.Count} {(h.Count == 1 ? "version" : "versions")}</summary><ol class="versions">{versions}</ol></details></td>
                </tr>
                """);
        });
        return Html.Of($"""
            <section aria-labelledby="modules-title"><h2 id="modules-title">Modules</h2>
            <div class="table-wrap">
              <table class="responsive" id="modules">
                <caption>{histories.Count} current {(histories.Count == 1 ? "module" : "modules")} <span class="muted">· by id</span></caption>
                <thead><tr><th scope="col">Module</th><th scope="col">Package</th><th scope="col">Version</th><th scope="col">SHA-256</th><th scope="col">Last change</th><th scope="col">History</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div></section>
            """);
    }

    private static Html Tests(IReadOnlyList<PolicyTestResult> tests, PolicyState state)
    {
        if (tests.Count == 0)
        {
            var why = state.Policy is null ? "The policies do not compile, so their tests cannot run." : "The stored modules have no test_ rules.";
            return Html.Of($"""<section aria-labelledby="tests-title"><h2 id="tests-title">Tests</h2><div class="table-wrap"><p class="empty">{why}</p></div></section>""");
        }
        var passed = tests.Count(t => t.Outcome == "PASS");
        var summary = passed == tests.Count
            ? Html.Of($"""<div class="alert alert-ok" role="status" id="test-summary"><strong>PASS: {passed}/{tests.Count}</strong> test rules of the stored policies pass.</div>""")
            : Html.Of($"""<div class="alert alert-error" role="alert" id="test-summary"><strong>PASS: {passed}/{tests.Count}</strong> — {tests.Count - passed} test {(tests.Count - passed == 1 ? "rule does" : "rules do")} not pass.</div>""");
        var rows = tests.Select(t => Html.Of($"""
            <tr>
              <td data-label="Test"><code>{t.Name}</code>{(t.Error is null ? Html.Empty : Html.Of($"<span class=\"sub\">{t.Error}</span>"))}</td>
              <td data-label="Result"><span class="badge {t.Outcome switch { "PASS" => "outcome-approved", "SKIPPED" => "", _ => "outcome-rejected" }}">{t.Outcome}</span></td>
              <td data-label="Time" class="num">{t.Milliseconds.ToString("0.##", CultureInfo.InvariantCulture)} ms</td>
            </tr>
            """));
        return Html.Of($"""
            <section aria-labelledby="tests-title"><h2 id="tests-title">Tests</h2>
            {summary}
            <div class="table-wrap">
              <table class="responsive" id="tests">
                <caption>test_ rules, run against the stored data of this policy revision</caption>
                <thead><tr><th scope="col">Test</th><th scope="col">Result</th><th scope="col">Time</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div></section>
            """);
    }

    private static Html Decisions(Page<PolicyDecision>? page, DecisionFilter filter, PageRequest request)
    {
        var links = new[] { ("all", "All", (bool?)null), ("allowed", "Allowed", true), ("denied", "Denied", false) }.Select(o =>
            Html.Of($"<a href=\"{(filter with { Allowed = o.Item3 }).Url()}\"{(filter.Allowed == o.Item3 ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{o.Item2}</a>"));
        var endpointNote = filter.Endpoint is null ? Html.Empty
            : Html.Of($"""<p>Endpoint <code>{filter.Endpoint}</code> only. <a href="{(filter with { Endpoint = null }).Url()}">Show all endpoints</a></p>""");
        Html content;
        if (page is null)
        {
            content = Html.Empty;
        }
        else if (page.Items.Count == 0)
        {
            content = Html.Of($"""<div class="table-wrap"><p class="empty">{(request.Cursor is null ? "No decisions match." : "No more decisions.")}</p></div>""");
        }
        else
        {
            var limit = request.LimitParameter(PolicyEndpoints.DefaultLimit);
            var pager = Pager.Render(page.Items.Count, "decision", "decisions", request.Cursor is null, filter.Url(limit: limit),
                page.NextCursor is null ? null : filter.Url(page.NextCursor, limit), "Older decisions");
            var rows = page.Items.Select(d => Html.Of($"""
                <tr>
                  <td data-label="Time" class="nowrap">{Format.Time(d.Timestamp)}</td>
                  <td data-label="Endpoint"><a href="{(filter with { Endpoint = d.Endpoint }).Url()}">{d.Endpoint}</a><span class="sub"><code>{d.Path}</code></span></td>
                  <td data-label="Outcome">{Outcome(d)}</td>
                  <td data-label="Reasons">{Reasons(d)}</td>
                  <td data-label="In a row" class="num">{d.ConsecutiveViolations}</td>
                  <td data-label="Source">{d.Source}<span class="sub">{Format.OrDash(d.RequestedBy)}</span></td>
                  <td data-label="Decision">{Format.Short(d.DecisionId, 8)}</td>
                </tr>
                """));
            content = Html.Of($"""
                <div class="table-wrap">
                  <table class="responsive" id="decisions">
                    <caption>Decisions, newest first</caption>
                    <thead><tr><th scope="col">Time</th><th scope="col">Endpoint</th><th scope="col">Outcome</th><th scope="col">Deny reasons</th><th scope="col">Violations in a row</th><th scope="col">Source</th><th scope="col">Decision ID</th></tr></thead>
                    <tbody>{rows}</tbody>
                  </table>
                  {pager}
                </div>
                """);
        }
        return Html.Of($"""
            <section aria-labelledby="decisions-title"><h2 id="decisions-title">Recent decisions</h2>
            <nav class="tabs" aria-label="Decision outcome">{links}</nav>
            {endpointNote}
            {content}
            </section>
            """);
    }

    private static Html Outcome(PolicyDecision d) => d switch
    {
        { Error: not null } => Html.Of($"<span class=\"badge outcome-rejected\" title=\"{d.Error}\">error</span>"),
        { Allowed: true } => Html.Of($"<span class=\"badge outcome-approved\">allowed</span>"),
        { Allowed: false } => Html.Of($"<span class=\"badge outcome-rejected\">denied</span>"),
        _ => Html.Of($"<span class=\"badge\">undefined</span>"),
    };

    private static Html Reasons(PolicyDecision d) => d.Error is not null
        ? Html.Of($"<span class=\"sub\">{Format.Truncate(d.Error, 160)}</span>")
        : d.DenyReasons.Count == 0
            ? Format.OrDash(null)
            : Html.Of($"<ul class=\"reasons\">{d.DenyReasons.Select(r => Html.Of($"<li>{Format.Truncate(r, 200)}</li>"))}</ul>");
}
