using Steward.Governance.Inventory;
using Steward.Governance.Paging;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Inventory;

/// <summary>Markup of the inventory pages.</summary>
internal static class InventoryTables
{
    public static Html Frame(InventoryTab current, IReadOnlyList<string> errors, Html content)
    {
        var tabs = InventoryTab.All.Select(t => Html.Of(
            $"<a href=\"{t.Path}\"{(t == current ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{t.Label}</a>"));
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Some of the request was not used", errors);
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Inventory</h1><p>AI systems under governance, with their models and datasets. Every registration is a ledger entry.</p></div>
            </div>
            <nav class="tabs" aria-label="Inventory sections">{tabs}</nav>
            {problems}
            {content}
            """);
    }

    public static Html Systems(Page<AiSystem> page, PageRequest request, IReadOnlyDictionary<string, Steward.Governance.Lifecycle.GateResult> nextGates)
    {
        var rows = page.Items.Select(s => Html.Of($"""
            <tr>
              <td data-label="Name"><a class="name" href="/ui/systems/{s.Id}">{s.Name}</a>{Sub(s.Purpose)}</td>
              <td data-label="Stage">{Steward.Server.Dashboard.Systems.SystemPage.Label(s.Stage)}</td>
              <td data-label="Next gate">{NextGate(s, nextGates)}</td>
              <td data-label="Owner">{s.Owner}</td>
              <td data-label="Business unit">{Format.OrDash(s.BusinessUnit)}</td>
              <td data-label="Risk tier">{Format.RiskBadge(s.RiskTier)}</td>
              <td data-label="Status">{Format.StatusTag(s.Status)}</td>
              <td data-label="Created" class="nowrap">{Format.Date(s.CreatedAt)}</td>
              <td data-label="Audit">{History("system", s.Id, s.Name)}</td>
            </tr>
            """));
        return Table(InventoryTab.Systems, "AI systems", page, request,
            ["Name", "Stage", "Next gate", "Owner", "Business unit", "Risk tier", "Status", "Created", "Audit"], rows,
            Html.Of($"No AI systems are registered yet. Register one with <code>steward system register</code> or <code>POST /api/v1/systems</code>."));
    }

    public static Html Models(Page<Model> page, PageRequest request, IReadOnlyDictionary<string, string> systems)
    {
        var rows = page.Items.Select(m => Html.Of($"""
            <tr>
              <td data-label="Name"><span class="name">{m.Name}</span>{Sub(m.Description)}</td>
              <td data-label="System">{SystemCell(m.SystemId, systems)}</td>
              <td data-label="Owner">{m.Owner}</td>
              <td data-label="Framework">{Format.OrDash(m.Framework)}</td>
              <td data-label="Created" class="nowrap">{Format.Date(m.CreatedAt)}</td>
              <td data-label="Audit">{History("model", m.Id, m.Name)}</td>
            </tr>
            """));
        return Table(InventoryTab.Models, "Models", page, request, ["Name", "System", "Owner", "Framework", "Created", "Audit"], rows,
            Html.Of($"No models are registered yet. Register one with <code>steward model register</code> or <code>POST /api/v1/models</code>."));
    }

    public static Html Datasets(Page<Dataset> page, PageRequest request, IReadOnlyDictionary<string, string> systems)
    {
        var rows = page.Items.Select(d => Html.Of($"""
            <tr>
              <td data-label="Name"><span class="name">{d.Name}</span>{Sub(d.Description)}</td>
              <td data-label="System">{SystemCell(d.SystemId, systems)}</td>
              <td data-label="Owner">{d.Owner}</td>
              <td data-label="SHA-256">{Format.Short(d.Sha256)}</td>
              <td data-label="PII scans"><a href="/ui/pii-scans/{d.Id}">PII scans<span class="visually-hidden"> of {d.Name}</span></a></td>
              <td data-label="Created" class="nowrap">{Format.Date(d.CreatedAt)}</td>
              <td data-label="Audit">{History("dataset", d.Id, d.Name)}</td>
            </tr>
            """));
        return Table(InventoryTab.Datasets, "Datasets", page, request, ["Name", "System", "Owner", "SHA-256", "PII scans", "Created", "Audit"], rows,
            Html.Of($"No datasets are registered yet. Register one with <code>steward dataset register</code> or <code>POST /api/v1/datasets</code>."));
    }

    private static Html Table<T>(InventoryTab tab, string caption, Page<T> page, PageRequest request,
        string[] columns, IEnumerable<Html> rows, Html empty)
    {
        var limit = request.LimitParameter(InventoryEndpoints.DefaultLimit);
        var pager = Pager.Render(page.Items.Count, tab.Singular, tab.Plural, request.Cursor is null, UiUrl.With(tab.Path, ("limit", limit)),
            page.NextCursor is null ? null : UiUrl.With(tab.Path, ("cursor", page.NextCursor), ("limit", limit)));
        if (page.Items.Count == 0 && request.Cursor is null)
            return Html.Of($"""<div class="table-wrap"><p class="empty">{empty}</p></div>""");
        var head = columns.Select(c => c == "Audit"
            ? Html.Of($"<th scope=\"col\"><span class=\"visually-hidden\">Audit trail</span></th>")
            : Html.Of($"<th scope=\"col\">{c}</th>"));
        return Html.Of($"""
            <div class="table-wrap">
              <table class="responsive">
                <caption>{caption} <span class="muted">· in registration order</span></caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
              </table>
              {pager}
            </div>
            """);
    }

    private static Html NextGate(AiSystem system, IReadOnlyDictionary<string, Steward.Governance.Lifecycle.GateResult> gates)
    {
        if (!gates.TryGetValue(system.Id, out var gate)) return Format.OrDash(null);
        var label = Steward.Server.Dashboard.Systems.SystemPage.Label(gate.To);
        return gate.Allowed
            ? Html.Of($"<a href=\"/ui/systems/{system.Id}\" data-gate=\"allowed\">{label}: allowed</a>")
            : Html.Of($"<a href=\"/ui/systems/{system.Id}\" data-gate=\"refused\">{label}: {gate.Unmet.Count} unmet</a><span class=\"sub\">{string.Join(", ", gate.Unmet.Select(u => u.Rule).Distinct())}</span>");
    }

    private static Html Sub(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Html.Empty : Html.Of($"<span class=\"sub\" title=\"{text}\">{Format.Truncate(text, 110)}</span>");

    private static Html SystemCell(string? systemId, IReadOnlyDictionary<string, string> names) => systemId is null
        ? Format.OrDash(null)
        : Html.Of($"<a href=\"{AuditLink("system", systemId)}\" title=\"Audit trail of this system\">{names.GetValueOrDefault(systemId, systemId)}</a>");

    private static Html History(string kind, string id, string name) =>
        Html.Of($"<a class=\"nowrap\" href=\"{AuditLink(kind, id)}\" aria-label=\"Audit trail of {name}\">History</a>");

    private static string AuditLink(string kind, string id) => UiUrl.With("/ui/audit", ("subject_kind", kind), ("subject_id", id));
}
