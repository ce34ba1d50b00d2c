using Steward.Governance.Assessments.Scoring;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Assessments;

/// <summary>Small pieces of assessment markup shared by the list and the form page.</summary>
internal static class AssessmentViews
{
    public static Html Status(string status) => Html.Of($"<span class=\"tag assessment-{Format.Token(status)}\">{status}</span>");

    public static Html Outcome(string? outcome) => outcome is null
        ? Format.OrDash(null)
        : Html.Of($"<span class=\"badge result-{Format.Token(outcome)}\">{outcome.Replace('_', ' ')}</span>");

    public static Html Tier(string? tier) => tier is null ? Format.OrDash(null) : Format.RiskBadge(tier);

    /// <summary>The score: tier, outcome, inherent and residual risk, controls and obligations.</summary>
    public static Html Score(AssessmentScore s, string heading) => Html.Of($"""
        <section class="card score" aria-labelledby="score-heading">
          <h2 id="score-heading">{heading}</h2>
          <dl class="facts">
            <div><dt>Outcome</dt><dd data-testid="outcome">{Outcome(s.Outcome)}</dd></div>
            <div><dt>EU AI Act risk tier</dt><dd data-testid="tier">{Tier(s.RiskTier)} <span class="sub muted">{s.TierReason}</span></dd></div>
            <div><dt>Inherent risk</dt><dd>{s.InherentRisk} <span class="muted">(likelihood {s.Likelihood.Points} × impact {s.Impact.Points})</span></dd></div>
            <div><dt>Residual risk</dt><dd data-testid="residual">{s.ResidualRisk}</dd></div>
            {(s.OutcomeReasons.Count == 0 ? Html.Empty : Html.Of($"<div class=\"wide\"><dt>Why</dt><dd><ul>{s.OutcomeReasons.Select(r => Html.Of($"<li>{r}</li>"))}</ul></dd></div>"))}
            {(s.Mitigations.Count == 0 ? Html.Empty : Html.Of($"<div class=\"wide\"><dt>Mitigations counted</dt><dd><ul>{s.Mitigations.Select(m => Html.Of($"<li>{m.Reason} (−{m.Points})</li>"))}</ul></dd></div>"))}
          </dl>
          {Controls(s)}
          {Obligations(s)}
        </section>
        """);

    private static Html Controls(AssessmentScore s) => s.RequiredControls.Count == 0
        ? Html.Of($"<p class=\"muted\">No controls are required for this tier and these answers.</p>")
        : Html.Of($"""
            <h3>Required controls</h3>
            <table><thead><tr><th scope="col">Control</th><th scope="col">In place</th><th scope="col">References</th></tr></thead>
            <tbody>{s.RequiredControls.Select(c => Html.Of($"""
              <tr><td>{c.Title}</td><td>{(c.Satisfied ? Html.Of($"<span class=\"badge result-passed\">yes</span>") : Html.Of($"<span class=\"badge result-failed\">missing</span>"))}</td>
              <td class="muted">{string.Join(" · ", c.EuAiAct.Concat(c.Nist).Concat(c.Iso42001))}</td></tr>
              """))}</tbody></table>
            """);

    private static Html Obligations(AssessmentScore s) => s.Obligations.Count == 0
        ? Html.Empty
        : Html.Of($"""
            <h3>Obligations on {s.AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}</h3>
            <ul class="obligations">{s.Obligations.Select(o => Html.Of($"""
              <li>{o.Title}: {(o.AppliesNow ? Html.Of($"<strong>applies</strong>") : Html.Of($"<span>not yet</span>"))}
              <span class="muted">(from {(o.AppliesFrom is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "a date not configured")}, {o.DateKey})</span></li>
              """))}</ul>
            """);
}
