using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Systems;

/// <summary>Markup of the system page.</summary>
internal static class SystemPage
{
    public enum Notice { None, Moved, Refused }

    /// <summary>The gates worth showing: the stage asked about, then those ahead (<see cref="Stages.GatesAhead"/>).</summary>
    public static IEnumerable<string> GatesToShow(string stage, string? asked) =>
        (asked is null ? Stages.GatesAhead(stage) : Stages.GatesAhead(stage).Prepend(asked)).Distinct(StringComparer.Ordinal);

    public static Html Render(HttpContext context, AiSystem system, IReadOnlyList<GateResult> gates, IReadOnlyList<StageEvent> events,
        IReadOnlyList<Steward.Governance.Assessments.Assessment> assessments, Notice notice, bool mayChange)
    {
        var current = Stages.Order(system.Stage);
        var steps = Stages.All.Select((s, i) => i == current
            ? Html.Of($"<li aria-current=\"step\">{Label(s)}</li>")
            : Html.Of($"<li class=\"{(i < current ? "done" : "todo")}\">{Label(s)}</li>"));
        var banner = notice switch
        {
            Notice.Moved => Html.Of($"""<div class="alert alert-ok" role="status"><strong>Stage changed.</strong> The system is now in {Label(system.Stage)}; the change is on the ledger.</div>"""),
            Notice.Refused => Html.Of($"""<div class="alert alert-error" role="alert"><strong>The gate refused the stage change.</strong> What is unmet is listed below; the refusal is on the ledger.</div>"""),
            _ => Html.Empty,
        };
        var cards = gates.Select(GateCard);
        var form = mayChange && system.Stage != "retired" ? StageForm(context, system, gates) : Html.Empty;
        return Html.Of($"""
            <div class="page-head">
              <div><h1>{system.Name}</h1><p>{Format.OrDash(system.Purpose)}</p></div>
            </div>
            {banner}
            <section class="card" aria-labelledby="facts-title">
              <h2 id="facts-title">System</h2>
              <dl class="facts">
                <div><dt>Stage</dt><dd data-stage="{system.Stage}">{Label(system.Stage)}</dd></div>
                <div><dt>Risk tier</dt><dd>{Format.RiskBadge(system.RiskTier)}</dd></div>
                <div><dt>Status</dt><dd>{Format.StatusTag(system.Status)}</dd></div>
                <div><dt>Owner</dt><dd>{system.Owner}</dd></div>
                <div><dt>Business unit</dt><dd>{Format.OrDash(system.BusinessUnit)}</dd></div>
                <div><dt>Registered</dt><dd>{Format.Date(system.CreatedAt)} by {system.CreatedBy}</dd></div>
              </dl>
              <p><a href="{UiUrl.With("/ui/audit", ("subject_kind", "system"), ("subject_id", system.Id))}">Audit trail of this system</a></p>
              <p>Reports built from the ledger, every claim linked to its entry and inclusion proof:
                technical documentation (EU AI Act Annex IV)
                <a href="/ui/systems/{system.Id}/reports/technical-documentation?format=html">HTML</a> ·
                <a href="/ui/systems/{system.Id}/reports/technical-documentation?format=pdf">PDF</a>;
                board report <a href="/ui/systems/{system.Id}/reports/board?format=html">HTML</a> ·
                <a href="/ui/systems/{system.Id}/reports/board?format=pdf">PDF</a>.</p>
            </section>
            <section aria-labelledby="lifecycle-title">
              <h2 id="lifecycle-title">Lifecycle</h2>
              <ol class="stepper" aria-label="Lifecycle stages">{steps}</ol>
              {cards}
              {form}
            </section>
            {Records(system, assessments)}
            {History(events)}
            """);
    }

    private static Html Records(AiSystem system, IReadOnlyList<Steward.Governance.Assessments.Assessment> assessments)
    {
        var items = assessments.Select(a => Html.Of(
            $"<li><a href=\"/ui/assessments/{a.Id}\">{a.TemplateId} v{a.TemplateVersion}</a>: {a.Status}{(a.Outcome is null ? Html.Empty : Html.Of($", {a.Outcome}"))}{(a.RiskTier is null ? Html.Empty : Html.Of($", tier {a.RiskTier}"))} <span class=\"muted\">started {Format.Date(a.StartedAt)} by {a.StartedBy}</span></li>"));
        var list = assessments.Count == 0
            ? Html.Of($"<p class=\"empty\">No risk assessment yet. Start one on the <a href=\"/ui/assessments\">assessments page</a>.</p>")
            : Html.Of($"<ul class=\"records\">{items}</ul>");
        return Html.Of($"""
            <section class="card" aria-labelledby="records-title">
              <h2 id="records-title">Governance records</h2>
              <h3>Risk assessments</h3>
              {list}
              <p><a href="{UiUrl.With("/ui/tickets", ("system_id", system.Id))}">Tickets of this system</a> ·
                 <a href="{UiUrl.With("/ui/redteam", ("system_id", system.Id))}">Red-team exercises and findings</a></p>
            </section>
            """);
    }

    private static Html GateCard(GateResult gate)
    {
        var body = gate.Allowed
            ? Html.Of($"""<p class="gate-ok">Allowed: nothing is unmet.</p>""")
            : Html.Of($"""
                <p>{gate.Unmet.Count} requirement{(gate.Unmet.Count == 1 ? "" : "s")} unmet:</p>
                <ul class="unmet">{gate.Unmet.Select(u => Html.Of($"<li><code class=\"rule\">{u.Rule}</code> {u.Message}</li>"))}</ul>
                """);
        return Html.Of($"""
            <section class="card gate" data-gate="{gate.To}" data-allowed="{(gate.Allowed ? "true" : "false")}">
              <h2>Gate to {Label(gate.To)}</h2>
              {body}
              <p class="hint">Decided by the gate policy at revision {gate.PolicyRevision}, {Format.Time(gate.EvaluatedAt)}.</p>
            </section>
            """);
    }

    private static Html StageForm(HttpContext context, AiSystem system, IReadOnlyList<GateResult> gates)
    {
        var preferred = gates.FirstOrDefault()?.To;
        var options = Stages.All.Where(s => s != system.Stage).Select(s => s == preferred
            ? Html.Of($"<option value=\"{s}\" selected>{Label(s)}</option>")
            : Html.Of($"<option value=\"{s}\">{Label(s)}</option>"));
        return Html.Of($"""
            <section class="card" aria-labelledby="change-title">
              <h2 id="change-title">Request a stage change</h2>
              <p class="hint">The gate policy decides; a refusal lists what is unmet and is recorded like a change.</p>
              <form method="post" action="/ui/systems/{system.Id}/stage" class="stage-form">
                {DashboardLayout.AntiforgeryField(context)}
                <div class="field"><label for="stage-to">Stage</label>
                  <select id="stage-to" name="to">{options}</select></div>
                <div class="field"><label for="stage-reason">Reason (recorded)</label>
                  <input id="stage-reason" name="reason" maxlength="4000"></div>
                <div class="field"><button type="submit" class="btn">Request change</button></div>
              </form>
            </section>
            """);
    }

    private static Html History(IReadOnlyList<StageEvent> events)
    {
        if (events.Count == 0)
            return Html.Of($"""<section class="card"><h2>Stage history</h2><p class="empty">No stage change has been requested yet.</p></section>""");
        var rows = events.Select(e => Html.Of($"""
            <tr>
              <td data-label="Entry" class="nowrap"><a href="{UiUrl.With("/ui/audit", ("index", e.LedgerIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)))}">#{e.LedgerIndex}</a></td>
              <td data-label="Time" class="nowrap">{e.Time}</td>
              <td data-label="Actor">{e.Actor}</td>
              <td data-label="Change">{Label(e.From)} → {Label(e.To)}</td>
              <td data-label="Result">{(e.Type == "stage.changed" ? Html.Of($"<span class=\"badge outcome-approved\">changed</span>") : Html.Of($"<span class=\"badge outcome-rejected\">refused</span>"))}{Unmet(e)}</td>
              <td data-label="Reason">{Format.OrDash(e.Reason)}</td>
            </tr>
            """));
        return Html.Of($"""
            <section class="table-wrap" aria-labelledby="history-title">
              <table class="responsive">
                <caption id="history-title">Stage history <span class="muted">· newest first, from the ledger</span></caption>
                <thead><tr><th scope="col">Entry</th><th scope="col">Time</th><th scope="col">Actor</th><th scope="col">Change</th><th scope="col">Result</th><th scope="col">Reason</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </section>
            """);
    }

    private static Html Unmet(StageEvent e) => e.Unmet.Count == 0
        ? Html.Empty
        : Html.Of($"<span class=\"sub\">{string.Join("; ", e.Unmet.Select(u => u.Rule))}</span>");

    public static string Label(string stage) => stage.Replace('_', ' ');
}
