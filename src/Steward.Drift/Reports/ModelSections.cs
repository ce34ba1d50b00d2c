using Steward.Drift.Fairness;
using Steward.Drift.Performance;

namespace Steward.Drift.Reports;

/// <summary>The performance and fairness sections of the HTML report.</summary>
internal static class ModelSections
{
    public static void Performance(TextWriter w, PerformanceSection section)
    {
        var task = section.Task == PerformanceTask.Classification ? "classification" : "regression";
        w.Write($"<section id=\"performance\"><h2>Performance</h2><p class=\"note\">{task} of <b>{Html.Escape(section.Target)}</b> by <b>{Html.Escape(section.Prediction)}</b>");
        if (section.Current.Classification is { } c) w.Write($", positive class <b>{Html.Escape(c.PositiveClass)}</b>");
        if (section.PredictionScore is not null) w.Write($", scores <b>{Html.Escape(section.PredictionScore)}</b>");
        w.Write($"; {section.Reference?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} reference and {section.Current.Count} current rows");
        if (section.ReferenceSkippedRows + section.CurrentSkippedRows > 0)
            w.Write($" ({section.ReferenceSkippedRows} and {section.CurrentSkippedRows} left out: target or prediction missing)");
        w.Write(".</p><table><tr><th>metric</th><th>reference</th><th>current</th><th>change</th></tr>");
        var changes = section.Changes();
        foreach (var m in changes)
            w.Write($"<tr><td>{Html.Escape(m.Name)}</td><td>{Html.Number(m.Reference)}</td><td>{Html.Number(m.Current)}</td><td>{(double.IsFinite(m.Change) && m.Change > 0 ? "+" : "")}{Html.Number(m.Change)}</td></tr>");
        w.Write("</table>");
        w.Write(SvgCharts.PairedBars(changes.Select(m => (m.Name, m.Reference, m.Current)).ToArray(), "Metrics on the reference (grey) and current (blue) data"));
        w.Write("</section>");
    }

    public static void Fairness(TextWriter w, IReadOnlyList<FairnessSection> sections)
    {
        w.Write("<section id=\"fairness\"><h2>Fairness</h2>");
        foreach (var s in sections)
        {
            w.Write($"<h3>{Html.Escape(s.Attribute)}</h3><table><tr><th>group</th><th>rows</th><th>selection rate</th><th>TPR</th><th>FPR</th><th>reference selection rate</th></tr>");
            var reference = s.Reference?.Groups.ToDictionary(g => g.Group, StringComparer.Ordinal);
            foreach (var g in s.Current.Groups)
            {
                var r = reference?.GetValueOrDefault(g.Group);
                w.Write($"<tr><td>{Html.Escape(g.Group)}</td><td>{g.Count}</td><td>{Html.Number(g.SelectionRate)}</td><td>{Html.Number(g.TruePositiveRate)}</td><td>{Html.Number(g.FalsePositiveRate)}</td><td>{Html.Number(r?.SelectionRate ?? double.NaN)}</td></tr>");
            }
            w.Write("</table>");
            w.Write(SvgCharts.PairedBars(s.Current.Groups.Select(g => (g.Group, reference?.GetValueOrDefault(g.Group)?.SelectionRate ?? double.NaN, g.SelectionRate)).ToArray(),
                $"Selection rate per group of {s.Attribute}: reference (grey) and current (blue)"));
            w.Write("<table><tr><th>metric</th><th>reference</th><th>current</th></tr>");
            foreach (var (name, current, before) in Metrics(s.Current, s.Reference))
                w.Write($"<tr><td>{Html.Escape(name)}</td><td>{Html.Number(before)}</td><td>{Html.Number(current)}</td></tr>");
            w.Write("</table>");
            if (s.Current.Privileged is { } p)
                w.Write($"<p class=\"verdict {(p.FourFifthsRulePasses ? "ok" : "drift")}\">Four-fifths rule {(p.FourFifthsRulePasses ? "passes" : "fails")}: disparate impact {Html.Number(p.DisparateImpact)} (unprivileged ÷ {Html.Escape(p.PrivilegedGroup)})</p>");
        }
        w.Write("</section>");
    }

    private static IEnumerable<(string Name, double Current, double Reference)> Metrics(FairnessReport current, FairnessReport? reference)
    {
        static IEnumerable<(string, double)> Of(FairnessReport r)
        {
            yield return ("demographic parity difference", r.DemographicParityDifference);
            yield return ("demographic parity ratio", r.DemographicParityRatio);
            yield return ("equalized odds difference", r.EqualizedOddsDifference);
            yield return ("equalized odds ratio", r.EqualizedOddsRatio);
            yield return ("true positive rate difference", r.EqualOpportunityDifferenceAcrossGroups);
            yield return ("theil index", r.TheilIndex);
            if (r.Privileged is { } p)
            {
                yield return ("disparate impact", p.DisparateImpact);
                yield return ("statistical parity difference", p.StatisticalParityDifference);
                yield return ("average odds difference", p.AverageOddsDifference);
                yield return ("equal opportunity difference", p.EqualOpportunityDifference);
            }
        }
        var before = reference is null ? new Dictionary<string, double>() : Of(reference).ToDictionary(m => m.Item1, m => m.Item2);
        return Of(current).Select(m => (m.Item1, m.Item2, before.GetValueOrDefault(m.Item1, double.NaN)));
    }
}
