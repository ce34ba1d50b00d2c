using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Drift;
using Steward.Drift.Performance;
using Steward.Drift.Reports;

namespace Steward.Cli.Commands.Drift;

/// <summary>
/// The model options of <c>steward drift report</c>: <c>--target</c>, <c>--prediction</c>, <c>--prediction-score</c>,
/// <c>--task</c>, <c>--positive</c>, <c>--sensitive</c>, <c>--privileged</c> and <c>--drift-model-columns</c>; they add the
/// performance and fairness sections.
/// </summary>
internal sealed class ModelOptions
{
    private readonly Option<string?> _target = new("--target") { Description = "Column of true outcomes: adds the performance section (reference and current)" };
    private readonly Option<string?> _prediction = new("--prediction") { Description = "Column of the model's predictions (with --target)" };
    private readonly Option<string?> _score = new("--prediction-score") { Description = "Column of the model's scores for the positive class (adds ROC AUC); or one column per class for multi-class ROC AUC (one-vs-rest and one-vs-one): CLASS=COLUMN,... or PREFIX* (every reference column starting with PREFIX, the class being the rest of the name)" };
    private readonly Option<string?> _task = new("--task") { Description = "classification or regression (default: inferred; see docs/DRIFT.md)" };
    private readonly Option<string> _positive = new("--positive") { Description = "The positive class for precision, recall, F1, ROC AUC and fairness", DefaultValueFactory = _ => "1" };
    private readonly Option<string?> _sensitive = new("--sensitive") { Description = "Comma-separated sensitive columns: adds the fairness section (needs --target and --prediction)" };
    private readonly Option<string?> _privileged = new("--privileged") { Description = "Comma-separated privileged value of each sensitive column, same order (adds disparate impact and AIF360's differences)" };
    private readonly Option<bool> _driftModelColumns = new("--drift-model-columns") { Description = "Also test the target, prediction and score columns for drift (left out by default)" };

    public IEnumerable<Option> All => [_target, _prediction, _score, _task, _positive, _sensitive, _privileged, _driftModelColumns];

    /// <summary>
    /// The model columns, or <see langword="null"/> when no model option was given; errors are one clear line.
    /// <paramref name="referenceColumns"/> gives the reference's column names (read only for a <c>PREFIX*</c> score option).
    /// </summary>
    public ModelColumns? Read(ParseResult parseResult, Func<IReadOnlyList<string>> referenceColumns)
    {
        var target = parseResult.GetValue(_target);
        var prediction = parseResult.GetValue(_prediction);
        var score = parseResult.GetValue(_score);
        var task = parseResult.GetValue(_task);
        var sensitive = Names(parseResult.GetValue(_sensitive));
        var privileged = Names(parseResult.GetValue(_privileged));
        if (target is null && prediction is null)
        {
            if (score is not null || task is not null || sensitive.Length > 0 || privileged.Length > 0 || parseResult.GetValue(_driftModelColumns))
                throw new CliException("--prediction-score, --task, --sensitive, --privileged and --drift-model-columns need --target and --prediction");
            return null;
        }
        if (target is null || prediction is null) throw new CliException("--target and --prediction go together");
        if (privileged.Length > 0 && privileged.Length != sensitive.Length)
            throw new CliException($"--privileged needs one value per --sensitive column ({sensitive.Length}), got {privileged.Length}");
        var classScores = ClassScores(score, referenceColumns);
        return new ModelColumns
        {
            Target = target,
            Prediction = prediction,
            PredictionScore = classScores.Count > 0 ? null : score,
            ClassScores = classScores,
            Task = task switch
            {
                null => null,
                "classification" => PerformanceTask.Classification,
                "regression" => PerformanceTask.Regression,
                _ => throw new CliException($"--task must be classification or regression, not '{task}'"),
            },
            PositiveClass = parseResult.GetRequiredValue(_positive),
            Sensitive = sensitive,
            Privileged = privileged,
        };
    }

    /// <summary>The class → column pairs of a multi-class <c>--prediction-score</c> (empty for one column).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ClassScores(string? score, Func<IReadOnlyList<string>> referenceColumns)
    {
        if (score is null) return [];
        if (score.EndsWith('*'))
        {
            var prefix = score[..^1];
            if (prefix.Length == 0) throw new CliException("--prediction-score PREFIX* needs a prefix before the *");
            var pairs = referenceColumns().Where(c => c.StartsWith(prefix, StringComparison.Ordinal) && c.Length > prefix.Length)
                .Select(c => KeyValuePair.Create(c[prefix.Length..], c)).ToArray();
            if (pairs.Length < 2) throw new CliException($"--prediction-score {score}: the reference has {pairs.Length} column(s) starting with '{prefix}'; multi-class ROC AUC needs one per class, at least 2");
            return pairs;
        }
        if (!score.Contains('=', StringComparison.Ordinal)) return [];
        var list = new List<KeyValuePair<string, string>>();
        foreach (var item in score.Split(',', StringSplitOptions.TrimEntries))
        {
            var at = item.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == item.Length - 1) throw new CliException($"--prediction-score: '{item}' is not CLASS=COLUMN");
            list.Add(KeyValuePair.Create(item[..at].Trim(), item[(at + 1)..].Trim()));
        }
        if (list.Count < 2) throw new CliException("--prediction-score CLASS=COLUMN,...: multi-class ROC AUC needs a score column for each of at least 2 classes");
        return list;
    }

    /// <summary>Whether the outcome columns are tested for drift too.</summary>
    public bool DriftModelColumns(ParseResult parseResult) => parseResult.GetValue(_driftModelColumns);

    private static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Prints the performance and fairness sections after the drift table.</summary>
    public static void Print(TextWriter writer, DriftReport report)
    {
        if (report.Performance is { } performance)
        {
            var positive = performance.Current.Classification is { } c ? $", positive class {c.PositiveClass}" : "";
            writer.WriteLine($"performance ({(performance.Task == PerformanceTask.Classification ? "classification" : "regression")}{positive}; {performance.Current.Count} current rows):");
            Output.Table(writer, performance.Changes(),
                ("METRIC", m => m.Name),
                ("REFERENCE", m => F(m.Reference)),
                ("CURRENT", m => F(m.Current)),
                ("CHANGE", m => double.IsFinite(m.Change) ? m.Change.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture) : "-"));
            if (performance.CurrentSkippedRows + performance.ReferenceSkippedRows > 0)
                writer.WriteLine($"rows without target or prediction left out: {performance.ReferenceSkippedRows} reference, {performance.CurrentSkippedRows} current");
        }
        foreach (var section in report.Fairness ?? [])
        {
            var current = section.Current;
            writer.WriteLine($"fairness of {section.Attribute} (current): demographic parity difference {F(current.DemographicParityDifference)}, equalized odds difference {F(current.EqualizedOddsDifference)}, theil index {F(current.TheilIndex)}");
            if (current.Privileged is { } p)
                writer.WriteLine($"  disparate impact (unprivileged / {p.PrivilegedGroup}): {F(p.DisparateImpact)} — four-fifths rule {(p.FourFifthsRulePasses ? "passes" : "fails")}");
        }
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
