using System.Globalization;
using Steward.Drift.Fairness;
using Steward.Drift.Performance;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>A run's performance and fairness sections as dashboard tables (every name encoded by <see cref="Html"/>).</summary>
internal static class ModelQualityView
{
    /// <summary>The window's metrics; per class for classification; the ROC AUC bound when binned.</summary>
    public static Html Performance(PerformanceSection? section, IReadOnlyDictionary<string, double>? thresholds)
    {
        if (section is null) return Html.Empty;
        var current = section.Current;
        var task = section.Task == PerformanceTask.Classification ? "classification" : "regression";
        var rows = current.Headline().Select(m => Html.Of($"""
            <tr><th scope="row" data-label="Metric">{m.Name}</th><td data-label="Window">{Number(m.Value)}</td><td data-label="Threshold">{Threshold(m.Name, m.Value, thresholds)}</td></tr>
            """));
        var bound = current.Classification?.RocAuc is { ErrorBound: > 0 } auc ? Html.Of($" · ROC AUC within ±{Number(auc.ErrorBound)} (binned scores)") : Html.Empty;
        var classes = current.Classification is { Classes.Count: > 0 } c ? Html.Of($"""
            <div class="table-wrap">
              <table class="responsive">
                <caption>Per class</caption>
                <thead><tr><th scope="col">Class</th><th scope="col">Precision</th><th scope="col">Recall</th><th scope="col">F1</th><th scope="col">Support</th></tr></thead>
                <tbody>{c.Classes.Select(k => Html.Of($"<tr><th scope=\"row\" data-label=\"Class\">{k.Class}</th><td data-label=\"Precision\">{Number(k.Precision)}</td><td data-label=\"Recall\">{Number(k.Recall)}</td><td data-label=\"F1\">{Number(k.F1)}</td><td data-label=\"Support\">{k.Support.ToString(CultureInfo.InvariantCulture)}</td></tr>"))}</tbody>
              </table>
            </div>
            """) : Html.Empty;
        var positive = current.Classification is { } cl ? Html.Of($", positive class <code>{cl.PositiveClass}</code>") : Html.Empty;
        return Html.Of($"""
            <section id="performance">
              <h3>Performance</h3>
              <p class="muted">{task} of <code>{section.Target}</code> by <code>{section.Prediction}</code>{positive} · {current.Count.ToString(CultureInfo.InvariantCulture)} labelled rows in the window{(section.CurrentSkippedRows > 0 ? Html.Of($", {section.CurrentSkippedRows.ToString(CultureInfo.InvariantCulture)} left out") : Html.Empty)}{bound}</p>
              <div class="table-wrap">
                <table class="responsive">
                  <caption>Metrics</caption>
                  <thead><tr><th scope="col">Metric</th><th scope="col">Window</th><th scope="col">Threshold</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table>
              </div>
              {classes}
            </section>
            """);
    }

    /// <summary>
    /// Per sensitive attribute: the groups' rates (left out when <paramref name="compact"/>), the Fairlearn and AIF360
    /// metrics and the four-fifths verdict, under <paramref name="heading"/> when given.
    /// </summary>
    public static Html Fairness(IReadOnlyList<FairnessSection>? sections, string? heading = "Fairness", bool compact = false)
    {
        if (sections is not { Count: > 0 }) return Html.Empty;
        var parts = sections.Select(s => Html.Of($"""
            <h4>{s.Attribute}{(s.Current.Privileged is { } p ? Html.Of($" {Verdict(p)}") : Html.Empty)}</h4>
            {(compact ? Html.Empty : Groups(s))}
            <dl class="facts">{Metrics(s.Current).Select(m => Html.Of($"<dt>{m.Name}</dt><dd>{Number(m.Value)}</dd>"))}</dl>
            """));
        return Html.Of($"""<section class="fairness">{(heading is null ? Html.Empty : Html.Of($"<h3>{heading}</h3>"))}{parts}</section>""");
    }

    private static Html Groups(FairnessSection s) => Html.Of($"""
            <div class="table-wrap">
              <table class="responsive">
                <caption>Groups of {s.Attribute}</caption>
                <thead><tr><th scope="col">Group</th><th scope="col">Rows</th><th scope="col">Selection rate</th><th scope="col">TPR</th><th scope="col">FPR</th></tr></thead>
                <tbody>{s.Current.Groups.Select(g => Html.Of($"<tr><th scope=\"row\" data-label=\"Group\">{g.Group}</th><td data-label=\"Rows\">{g.Count.ToString(CultureInfo.InvariantCulture)}</td><td data-label=\"Selection rate\">{Number(g.SelectionRate)}</td><td data-label=\"TPR\">{Number(g.TruePositiveRate)}</td><td data-label=\"FPR\">{Number(g.FalsePositiveRate)}</td></tr>"))}</tbody>
              </table>
            </div>
            """);

    private static Html Verdict(PrivilegedComparison p) => p.FourFifthsRulePasses
        ? Html.Of($"<span class=\"badge outcome-approved\">four-fifths rule passes</span>")
        : Html.Of($"<span class=\"badge outcome-rejected\">four-fifths rule fails</span>");

    private static IEnumerable<(string Name, double Value)> Metrics(FairnessReport r)
    {
        yield return ("demographic parity difference", r.DemographicParityDifference);
        yield return ("demographic parity ratio", r.DemographicParityRatio);
        yield return ("equalized odds difference", r.EqualizedOddsDifference);
        yield return ("equalized odds ratio", r.EqualizedOddsRatio);
        yield return ("true positive rate difference", r.EqualOpportunityDifferenceAcrossGroups);
        yield return ("Theil index", r.TheilIndex);
        if (r.Privileged is not { } p) yield break;
        yield return ($"disparate impact (unprivileged ÷ {p.PrivilegedGroup})", p.DisparateImpact);
        yield return ("statistical parity difference", p.StatisticalParityDifference);
        yield return ("average odds difference", p.AverageOddsDifference);
        yield return ("equal opportunity difference", p.EqualOpportunityDifference);
    }

    private static Html Threshold(string metric, double value, IReadOnlyDictionary<string, double>? thresholds)
    {
        if (thresholds is null || !thresholds.TryGetValue(metric, out var bound)) return Html.Text("–");
        var maximum = PerformanceTrendChart.IsMaximum(metric);
        var crossed = double.IsFinite(value) && (maximum ? value > bound : value < bound);
        return Html.Of($"{(maximum ? "at most" : "at least")} {Number(bound)}{(crossed ? Html.Of($" <span class=\"badge outcome-rejected\">crossed</span>") : Html.Empty)}");
    }

    /// <summary>A metric for reading: four decimals, – when undefined.</summary>
    internal static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
