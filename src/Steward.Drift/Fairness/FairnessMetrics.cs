namespace Steward.Drift.Fairness;

/// <summary>
/// Group fairness of binary predictions as Fairlearn (<c>fairlearn/metrics/_fairness_metrics.py</c>: differences and ratios
/// between the extreme groups) and AIF360 (<c>classification_metric.py</c>: unprivileged versus privileged) define them.
/// </summary>
public static class FairnessMetrics
{
    /// <summary>Computes the metrics. <paramref name="privileged"/> enables AIF360's comparisons; it must be one of the groups.</summary>
    public static FairnessReport Compute(string attribute, IReadOnlyList<string> groups, IReadOnlyList<bool> labels, IReadOnlyList<bool> predictions, string? privileged = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        if (groups.Count != labels.Count || labels.Count != predictions.Count) throw new DriftException("groups, labels and predictions must have the same length");
        if (groups.Count == 0) throw new DriftException("no rows to measure");
        var rows = Enumerable.Range(0, groups.Count).Select(i => (Group: groups[i], Label: labels[i], Prediction: predictions[i])).ToArray();
        var rates = rows.GroupBy(r => r.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => GroupRates.Of(g.Key, g.Select(r => (r.Label, r.Prediction)))).ToArray();
        if (privileged is not null && !rates.Any(r => r.Group == privileged)) throw new DriftException($"the privileged value '{privileged}' does not occur in '{attribute}'");
        var unprivileged = privileged is null ? null : GroupRates.Of("unprivileged", rows.Where(r => r.Group != privileged).Select(r => (r.Label, r.Prediction)));
        return Build(attribute, rates, privileged, unprivileged, Theil(rows.Select(r => (r.Label, r.Prediction))));
    }

    /// <summary>The report from per-group rates, the unprivileged rows' rates (when a privileged group is named) and the Theil index.</summary>
    internal static FairnessReport Build(string attribute, IReadOnlyList<GroupRates> rates, string? privileged, GroupRates? unprivileged, double theil)
    {
        var (tprDifference, tprRatio) = Spread(rates.Select(r => r.TruePositiveRate));
        var (fprDifference, fprRatio) = Spread(rates.Select(r => r.FalsePositiveRate));
        var (dpDifference, dpRatio) = Spread(rates.Select(r => r.SelectionRate));
        PrivilegedComparison? comparison = null;
        if (privileged is not null && unprivileged is { } u)
        {
            var p = rates.Single(r => r.Group == privileged);
            var impact = u.SelectionRate / p.SelectionRate;
            comparison = new PrivilegedComparison
            {
                PrivilegedGroup = privileged,
                DisparateImpact = impact,
                FourFifthsRulePasses = impact >= 0.8,
                StatisticalParityDifference = u.SelectionRate - p.SelectionRate,
                AverageOddsDifference = 0.5 * ((u.FalsePositiveRate - p.FalsePositiveRate) + (u.TruePositiveRate - p.TruePositiveRate)),
                EqualOpportunityDifference = u.TruePositiveRate - p.TruePositiveRate,
            };
        }
        return new FairnessReport
        {
            Attribute = attribute,
            Groups = rates,
            DemographicParityDifference = dpDifference,
            DemographicParityRatio = dpRatio,
            EqualizedOddsDifference = Math.Max(tprDifference, fprDifference),
            EqualizedOddsRatio = Math.Min(tprRatio, fprRatio),
            EqualOpportunityDifferenceAcrossGroups = tprDifference,
            EqualOpportunityRatio = tprRatio,
            TheilIndex = theil,
            Privileged = comparison,
        };
    }

    /// <summary>max − min and min / max over the defined (non-NaN) values, as pandas' min and max skip NaN.</summary>
    private static (double Difference, double Ratio) Spread(IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0) return (double.NaN, double.NaN);
        double min = defined.Min(), max = defined.Max();
        return (max - min, max == 0 ? double.NaN : min / max);
    }

    /// <summary>(1/n) Σ (bᵢ/μ) ln(bᵢ/μ) with bᵢ = ŷᵢ − yᵢ + 1 (a zero b contributes 0).</summary>
    private static double Theil(IEnumerable<(bool Label, bool Prediction)> rows)
    {
        var b = rows.Select(r => (r.Prediction ? 1.0 : 0.0) - (r.Label ? 1.0 : 0.0) + 1).ToArray();
        var mean = b.Average();
        return b.Sum(v => v == 0 ? 0 : v / mean * Math.Log(v / mean)) / b.Length;
    }
}
