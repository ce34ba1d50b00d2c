using System.Text;
using System.Text.Json;

namespace Steward.Drift.Fairness;

/// <summary>Writes a <see cref="FairnessReport"/> as JSON (snake_case names; NaN as null), the schema of docs/DRIFT.md.</summary>
public static class FairnessReportJson
{
    /// <summary>The report as indented JSON.</summary>
    public static string Serialize(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) Write(w, report);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report as one JSON object (also inside a drift report's <c>fairness</c> section).</summary>
    internal static void Write(Utf8JsonWriter w, FairnessReport report)
    {
        w.WriteStartObject();
        w.WriteString("attribute", report.Attribute);
        w.WriteStartObject("groups");
        foreach (var g in report.Groups)
        {
            w.WriteStartObject(g.Group);
            w.WriteNumber("count", g.Count);
            w.WriteNumber("true_positives", g.TruePositives);
            w.WriteNumber("false_positives", g.FalsePositives);
            w.WriteNumber("positives", g.Positives);
            w.WriteNumber("negatives", g.Negatives);
            Number(w, "selection_rate", g.SelectionRate);
            Number(w, "true_positive_rate", g.TruePositiveRate);
            Number(w, "false_positive_rate", g.FalsePositiveRate);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        Number(w, "demographic_parity_difference", report.DemographicParityDifference);
        Number(w, "demographic_parity_ratio", report.DemographicParityRatio);
        Number(w, "equalized_odds_difference", report.EqualizedOddsDifference);
        Number(w, "equalized_odds_ratio", report.EqualizedOddsRatio);
        Number(w, "true_positive_rate_difference", report.EqualOpportunityDifferenceAcrossGroups);
        Number(w, "true_positive_rate_ratio", report.EqualOpportunityRatio);
        Number(w, "theil_index", report.TheilIndex);
        if (report.Privileged is { } p)
        {
            w.WriteStartObject("privileged");
            w.WriteString("group", p.PrivilegedGroup);
            Number(w, "disparate_impact", p.DisparateImpact);
            w.WriteBoolean("four_fifths_rule_passes", p.FourFifthsRulePasses);
            Number(w, "statistical_parity_difference", p.StatisticalParityDifference);
            Number(w, "average_odds_difference", p.AverageOddsDifference);
            Number(w, "equal_opportunity_difference", p.EqualOpportunityDifference);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
