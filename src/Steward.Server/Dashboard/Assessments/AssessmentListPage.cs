using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Inventory;
using Steward.Governance.Paging;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Assessments;

/// <summary>The list of assessments, newest first, with a form to start one.</summary>
internal static class AssessmentListPage
{
    public static Html Render(HttpContext context, Page<Assessment> page, PageRequest request, string? status,
        IReadOnlyDictionary<string, string> systemNames, IReadOnlyList<AiSystem>? systems, IReadOnlyList<TemplateSummary> templates,
        IReadOnlyList<string> errors)
    {
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Not done", errors);
        var filters = new[] { (null as string, "All") }.Concat(Assessment.Statuses.Select(s => ((string?)s, s))).Select(f => Html.Of(
            $"<a href=\"{UiUrl.With("/ui/assessments", ("status", f.Item1))}\"{(f.Item1 == status ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{f.Item2}</a>"));
        var rows = page.Items.Select(a => Html.Of($"""
            <tr>
              <td data-label="System"><a class="name" href="/ui/assessments/{a.Id}">{systemNames.GetValueOrDefault(a.SystemId, a.SystemId)}</a><span class="sub mono">{a.Id}</span></td>
              <td data-label="Template">{a.TemplateId} <span class="muted">v{a.TemplateVersion}</span></td>
              <td data-label="Status">{AssessmentViews.Status(a.Status)}</td>
              <td data-label="Outcome">{AssessmentViews.Outcome(a.Outcome)}</td>
              <td data-label="Tier">{AssessmentViews.Tier(a.RiskTier)}</td>
              <td data-label="Residual risk" class="num">{(a.ResidualRisk is { } r ? Html.Text(r.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Format.OrDash(null))}</td>
              <td data-label="Updated" class="nowrap">{Format.Date(a.UpdatedAt)}</td>
            </tr>
            """));
        var limit = request.LimitParameter(AssessmentEndpoints.DefaultLimit);
        var pager = Pager.Render(page.Items.Count, "assessment", "assessments", request.Cursor is null,
            UiUrl.With("/ui/assessments", ("status", status), ("limit", limit)),
            page.NextCursor is null ? null : UiUrl.With("/ui/assessments", ("status", status), ("cursor", page.NextCursor), ("limit", limit)));
        var table = page.Items.Count == 0 && request.Cursor is null
            ? Html.Of($"""<div class="table-wrap"><p class="empty">No assessments{(status is null ? Html.Empty : Html.Of($" in status {status}"))} yet.</p></div>""")
            : Html.Of($"""
                <div class="table-wrap">
                  <table class="responsive">
                    <caption>Assessments <span class="muted">· newest first</span></caption>
                    <thead><tr><th scope="col">System</th><th scope="col">Template</th><th scope="col">Status</th><th scope="col">Outcome</th><th scope="col">Tier</th><th scope="col" class="num">Residual risk</th><th scope="col">Updated</th></tr></thead>
                    <tbody>{rows}</tbody>
                  </table>
                  {pager}
                </div>
                """);
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Risk assessments</h1><p>Questionnaires scored against the EU AI Act, NIST AI RMF and ISO/IEC 42001; every step is a ledger entry.</p></div>
            </div>
            {problems}
            {Start(context, systems, templates)}
            <nav class="tabs" aria-label="Assessment status">{filters}</nav>
            {table}
            """);
    }

    private static Html Start(HttpContext context, IReadOnlyList<AiSystem>? systems, IReadOnlyList<TemplateSummary> templates)
    {
        if (systems is null) return Html.Empty;
        if (systems.Count == 0) return Html.Of($"<div class=\"alert alert-info\">Register an AI system first; then start its assessment here.</div>");
        var active = templates.Where(t => t.LatestActiveVersion is not null).ToList();
        return Html.Of($"""
            <form method="post" action="/ui/assessments" class="card filters" aria-label="Start an assessment">
              {DashboardLayout.AntiforgeryField(context)}
              <div class="field"><label for="system">System</label>
                <select id="system" name="system_id">{systems.Select(s => Html.Of($"<option value=\"{s.Id}\">{s.Name}</option>"))}</select></div>
              <div class="field"><label for="template">Template</label>
                <select id="template" name="template">{active.Select(t => Html.Of($"<option value=\"{t.Id}\">{t.Title} (v{t.LatestActiveVersion!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})</option>"))}</select></div>
              <div class="actions"><button type="submit" class="btn">Start assessment</button></div>
            </form>
            """);
    }
}
