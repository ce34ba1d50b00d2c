using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Drift;
using Steward.Drift.Fairness;

namespace Steward.Cli.Commands.Drift;

/// <summary>
/// <c>steward drift fairness --data FILE --label COL --prediction COL --sensitive COL [--privileged VALUE] [--positive VALUE] [--json FILE]</c>:
/// selection and error rates per group, Fairlearn's differences and ratios, and with <c>--privileged</c> AIF360's comparisons.
/// </summary>
internal static class FairnessCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "CSV or JSON Lines file with the label, prediction and sensitive columns", Required = true };
        var label = new Option<string>("--label") { Description = "Column of true outcomes", Required = true };
        var prediction = new Option<string>("--prediction") { Description = "Column of predicted outcomes", Required = true };
        var sensitive = new Option<string>("--sensitive") { Description = "Column of the sensitive attribute (its values are the groups)", Required = true };
        var privileged = new Option<string?>("--privileged") { Description = "The privileged value of the attribute (enables disparate impact, statistical parity, average odds and equal opportunity differences)" };
        var positive = new Option<string>("--positive") { Description = "The value of a positive outcome", DefaultValueFactory = _ => "1" };
        var json = new Option<string?>("--json") { Description = "Write the metrics to this JSON file" };
        var command = new Command("fairness", "Group fairness metrics of binary predictions (Fairlearn and AIF360 definitions)")
        {
            data, label, prediction, sensitive, privileged, positive, json,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.GetValue(json);
            if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } parent && !Directory.Exists(parent))
                throw new CliException($"cannot write {output}: directory {parent} does not exist");
            FairnessReport report;
            try
            {
                var attribute = parseResult.GetRequiredValue(sensitive);
                var (groups, labels, predictions) = FairnessData.Read(parseResult.GetRequiredValue(data), parseResult.GetRequiredValue(label),
                    parseResult.GetRequiredValue(prediction), attribute, parseResult.GetRequiredValue(positive));
                report = FairnessMetrics.Compute(attribute, groups, labels, predictions, parseResult.GetValue(privileged));
            }
            catch (DriftException e)
            {
                throw new CliException(e.Message, e);
            }
            Print(context.Out, report);
            if (output is not null) File.WriteAllText(output, FairnessReportJson.Serialize(report));
            return StewardCommandLine.Success;
        });
        return command;
    }

    private static void Print(TextWriter writer, FairnessReport report)
    {
        Output.Table(writer, report.Groups,
            ("GROUP", g => g.Group),
            ("COUNT", g => g.Count),
            ("SELECTION_RATE", g => F(g.SelectionRate)),
            ("TPR", g => F(g.TruePositiveRate)),
            ("FPR", g => F(g.FalsePositiveRate)));
        writer.WriteLine($"demographic parity difference: {F(report.DemographicParityDifference)}, ratio: {F(report.DemographicParityRatio)}");
        writer.WriteLine($"equalized odds difference: {F(report.EqualizedOddsDifference)}, ratio: {F(report.EqualizedOddsRatio)}");
        writer.WriteLine($"true positive rate difference: {F(report.EqualOpportunityDifferenceAcrossGroups)}, ratio: {F(report.EqualOpportunityRatio)}");
        writer.WriteLine($"theil index: {F(report.TheilIndex)}");
        if (report.Privileged is { } p)
        {
            writer.WriteLine($"disparate impact (unprivileged / {p.PrivilegedGroup}): {F(p.DisparateImpact)} — four-fifths rule {(p.FourFifthsRulePasses ? "passes" : "fails")}");
            writer.WriteLine($"statistical parity difference: {F(p.StatisticalParityDifference)}, average odds difference: {F(p.AverageOddsDifference)}, equal opportunity difference: {F(p.EqualOpportunityDifference)}");
        }
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
