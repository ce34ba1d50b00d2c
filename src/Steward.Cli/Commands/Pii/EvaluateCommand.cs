using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Steward.Cli.Infrastructure;
using Steward.Pii;
using Steward.Pii.Evaluation;

namespace Steward.Cli.Commands.Pii;

/// <summary>
/// <c>steward pii evaluate --dataset FILE</c>: scores the default analyzer against labelled data in
/// presidio-research's JSON format and prints precision, recall and F2 per entity type and overall.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = new Option<string>("--dataset") { Description = "Labelled data: a JSON array of {full_text, spans:[{entity_type, start_position, end_position}]}", Required = true };
        var entities = new Option<string?>("--entities") { Description = "Comma-separated entity types to score (default: every labelled type the analyzer reports)" };
        var threshold = new Option<double>("--threshold") { Description = "Ignore predictions scoring below this", DefaultValueFactory = _ => 0.4 };
        var overlap = new Option<double>("--min-overlap") { Description = "Intersection over union a prediction needs to count as found", DefaultValueFactory = _ => 0.9 };
        var noMerge = new Option<bool>("--no-merge") { Description = "Do not merge adjacent spans of the same type" };
        var map = new Option<string[]>("--map") { Description = "Rename a label before scoring, LABEL=TYPE (repeatable; added to the defaults such as ADDRESS=LOCATION)", AllowMultipleArgumentsPerToken = false };
        var errors = new Option<int>("--errors") { Description = "Print up to N missed and N spurious examples per type" };
        var json = new Option<string?>("--json") { Description = "Write the report to this JSON file" };
        var command = new Command("evaluate", "Measure the analyzer's precision, recall and F2 on labelled data") { dataset, entities, threshold, overlap, noMerge, map, errors, json };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(dataset);
            if (!File.Exists(path)) throw new CliException($"{path} does not exist");
            var minScore = parseResult.GetValue(threshold);
            var minOverlap = parseResult.GetValue(overlap);
            if (minScore is < 0 or > 1 || double.IsNaN(minScore)) throw new CliException("--threshold must be between 0 and 1");
            if (minOverlap is <= 0 or > 1 || double.IsNaN(minOverlap)) throw new CliException("--min-overlap must be greater than 0 and at most 1");
            var examples = parseResult.GetValue(errors);
            if (examples < 0) throw new CliException("--errors must not be negative");
            var output = parseResult.GetValue(json);
            if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } parent && !Directory.Exists(parent))
                throw new CliException($"cannot write {output}: directory {parent} does not exist");

            var labelMap = new Dictionary<string, string>(EvaluationOptions.DefaultLabelMap, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parseResult.GetValue(map) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1) throw new CliException($"--map expects LABEL=TYPE, got '{pair}'");
                labelMap[pair[..eq].Trim()] = pair[(eq + 1)..].Trim().ToUpperInvariant();
            }

            IReadOnlyList<LabeledSample> samples;
            try
            {
                samples = LabeledDataset.Load(path);
            }
            catch (FormatException e)
            {
                throw new CliException($"{path}: {e.Message}");
            }
            var options = new EvaluationOptions
            {
                LabelMap = labelMap,
                Entities = parseResult.GetValue(entities)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ScoreThreshold = minScore,
                MinOverlap = minOverlap,
                MergeAdjacent = !parseResult.GetValue(noMerge),
                ErrorExamples = examples,
            };
            EvaluationReport report;
            try
            {
                report = PiiEvaluator.Evaluate(AnalyzerEngine.CreateDefault(), samples, options);
            }
            catch (PiiRequestException e)
            {
                throw new CliException(e.Message);
            }
            Print(context.Out, report);
            if (output is not null) File.WriteAllText(output, JsonSerializer.Serialize(ToJson(report), new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter writer, EvaluationReport report)
    {
        var rows = report.PerEntity.Select(p => new Row(p.Key, p.Value)).Append(new Row("OVERALL", report.Overall));
        Output.Table(writer, rows,
            ("ENTITY", r => r.Name),
            ("SUPPORT", r => r.Score.Support),
            ("TP", r => r.Score.TruePositives),
            ("FP", r => r.Score.FalsePositives),
            ("FN", r => r.Score.FalseNegatives),
            ("PRECISION", r => F(r.Score.Precision)),
            ("RECALL", r => F(r.Score.Recall)),
            ($"F{report.Beta.ToString(CultureInfo.InvariantCulture)}", r => F(r.Score.F(report.Beta))));
        if (report.NotScored.Count > 0)
            writer.WriteLine($"not scored (labels the analyzer does not report or that were filtered out): {string.Join(", ", report.NotScored.Select(n => $"{n.Key} ({n.Value})"))}");
        var seconds = report.AnalysisTime.TotalSeconds;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Samples} samples, {report.Characters} characters analysed in {seconds:0.000} s ({(seconds > 0 ? report.Characters / seconds / 1024 : 0):0} KB/s)"));
        foreach (var e in report.Errors)
            writer.WriteLine($"{e.Kind} {e.EntityType} #{e.Sample}: {e.Context}");
    }

    private sealed record Row(string Name, EntityScore Score);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static object ToJson(EvaluationReport report) => new
    {
        samples = report.Samples,
        characters = report.Characters,
        analysis_seconds = report.AnalysisTime.TotalSeconds,
        beta = report.Beta,
        overall = Score(report.Overall, report.Beta),
        entities = report.PerEntity.ToDictionary(p => p.Key, p => Score(p.Value, report.Beta)),
        not_scored = report.NotScored,
        errors = report.Errors.Select(e => new { sample = e.Sample, entity_type = e.EntityType, kind = e.Kind, value = e.Value, context = e.Context }),
    };

    private static object Score(EntityScore s, double beta) => new
    {
        support = s.Support,
        true_positives = s.TruePositives,
        false_positives = s.FalsePositives,
        false_negatives = s.FalseNegatives,
        precision = s.Precision,
        recall = s.Recall,
        f = s.F(beta),
    };
}
