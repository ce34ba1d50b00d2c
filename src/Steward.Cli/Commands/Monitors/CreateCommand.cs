using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor create</c>: a monitor, and its reference when <c>--reference</c> is given.</summary>
internal static class CreateCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Unique name", Required = true };
        var model = new Option<string?>("--model") { Description = "Id of the registered model watched", HelpName = "ID" };
        var endpoint = new Option<string?>("--endpoint") { Description = "Name of the serving endpoint watched" };
        var description = new Option<string?>("--description") { Description = "Description" };
        var window = new Option<string?>("--window") { Description = "Window length: ISO 8601 (P1D, PT6H) or seconds (default P1D)" };
        var schedule = new Option<string?>("--schedule") { Description = "5-field cron expression in UTC (default '0 0 * * *')" };
        var features = new Option<string?>("--features") { Description = "Comma-separated feature columns (default: every reference column but the others named here)", HelpName = "COLS" };
        var prediction = new Option<string?>("--prediction") { Description = "Prediction column", HelpName = "COL" };
        var label = new Option<string?>("--label") { Description = "Label column", HelpName = "COL" };
        var sensitive = new Option<string?>("--sensitive") { Description = "Comma-separated sensitive attributes", HelpName = "COLS" };
        var categorical = new Option<string?>("--categorical") { Description = "Columns typed as categories when the server profiles a reference file", HelpName = "COLS" };
        var numerical = new Option<string?>("--numerical") { Description = "Columns typed as numbers likewise", HelpName = "COLS" };
        var critical = new Option<string?>("--critical") { Description = "Columns whose drift alone raises drift.detected", HelpName = "COLS" };
        var stattest = new Option<string[]>("--stattest") { Description = "Per-column test, COL=TEST (repeatable)", HelpName = "COL=TEST" };
        var threshold = new Option<string[]>("--threshold") { Description = "Per-column threshold, COL=X (repeatable)", HelpName = "COL=X" };
        var share = new Option<double?>("--drift-share") { Description = "Share of drifted columns at which the dataset drifted (default 0.5)" };
        var minRows = new Option<long?>("--min-rows") { Description = "Fewer rows in a window report insufficient data (default 30)" };
        var score = new Option<string?>("--prediction-score") { Description = "Column with the positive class's score (ROC AUC)", HelpName = "COL" };
        var task = new Option<string?>("--task") { Description = "classification (default) or regression: how label and prediction compare" };
        var positive = new Option<string?>("--positive-class") { Description = "The positive class of classification and fairness (default 1)", HelpName = "VALUE" };
        var privileged = new Option<string[]>("--privileged") { Description = "A sensitive attribute's privileged value, COL=VALUE (repeatable)", HelpName = "COL=VALUE" };
        var performanceThreshold = new Option<string[]>("--performance-threshold")
        {
            Description = "A bound on the window's performance, METRIC=X (repeatable): a minimum for accuracy, precision, recall, f1, macro_*, weighted_*, micro_*, roc_auc, r2; a maximum for mae, rmse",
            HelpName = "METRIC=X",
        };
        var idColumn = new Option<string?>("--id-column") { Description = "Row-id column: predictions sent without a label wait for it (steward monitor labels)", HelpName = "COL" };
        var labelTtl = new Option<string?>("--label-ttl") { Description = "How long a prediction waits for its label: ISO 8601 (P14D) or seconds (default 14 days)" };
        var maxPending = new Option<long?>("--max-pending-labels") { Description = "Most predictions waiting for labels; beyond, the oldest are dropped and counted (default 1000000)", HelpName = "N" };
        var reference = new Option<string?>("--reference") { Description = "Reference: a drift profile, or a CSV / JSON Lines file the server profiles", HelpName = "FILE" };
        var format = MonitorFiles.FormatOption(profiles: true);
        var json = CommonOptions.Json();
        var command = new Command("create", "Create a drift monitor")
        {
            name, model, endpoint, description, window, schedule, features, prediction, label, sensitive, categorical, numerical, critical,
            stattest, threshold, share, minRows, score, task, positive, privileged, performanceThreshold, idColumn, labelTtl, maxPending,
            reference, format, json,
        };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var definition = new MonitorDefinition
            {
                Name = parseResult.GetRequiredValue(name),
                ModelId = parseResult.GetValue(model),
                Endpoint = parseResult.GetValue(endpoint),
                Description = parseResult.GetValue(description),
                Window = parseResult.GetValue(window),
                Schedule = parseResult.GetValue(schedule),
                Features = Names(parseResult.GetValue(features)),
                Prediction = parseResult.GetValue(prediction),
                Label = parseResult.GetValue(label),
                Sensitive = Names(parseResult.GetValue(sensitive)),
                Categorical = Names(parseResult.GetValue(categorical)),
                Numerical = Names(parseResult.GetValue(numerical)),
                Columns = Rules(Names(parseResult.GetValue(critical)), parseResult.GetValue(stattest) ?? [], parseResult.GetValue(threshold) ?? []),
                DriftShare = parseResult.GetValue(share),
                MinRows = parseResult.GetValue(minRows),
                PredictionScore = parseResult.GetValue(score),
                Task = parseResult.GetValue(task),
                PositiveClass = parseResult.GetValue(positive),
                Privileged = Privileged(parseResult.GetValue(privileged) ?? []),
                PerformanceThresholds = PerformanceThresholds.Parse(parseResult.GetValue(performanceThreshold) ?? []),
                IdColumn = parseResult.GetValue(idColumn),
                LabelTtl = parseResult.GetValue(labelTtl),
                MaxPendingLabels = parseResult.GetValue(maxPending),
            };
            var (stream, kind) = parseResult.GetValue(reference) is { } path ? MonitorFiles.Open(path, parseResult.GetValue(format), profiles: true) : (null, "");
            await using (stream)
            {
                using var client = connection.CreateClient(parseResult);
                var monitor = await client.Monitors.CreateAsync(definition, cancellationToken);
                if (stream is not null) monitor = await client.Monitors.SetReferenceAsync(monitor.Id, stream, kind, cancellationToken);
                Output.Record(context.Out, monitor, parseResult.GetValue(json));
            }
            return 0;
        });
        return command;
    }

    internal static List<string>? Names(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static Dictionary<string, MonitorColumnRule>? Rules(List<string>? critical, string[] tests, string[] thresholds)
    {
        var rules = new Dictionary<string, MonitorColumnRule>(StringComparer.Ordinal);
        MonitorColumnRule Rule(string column) => rules.TryGetValue(column, out var r) ? r : new MonitorColumnRule();
        foreach (var column in critical ?? []) rules[column] = Rule(column) with { Critical = true };
        foreach (var pair in tests)
        {
            var (column, test) = Split(pair, "--stattest");
            rules[column] = Rule(column) with { Stattest = test };
        }
        foreach (var pair in thresholds)
        {
            var (column, text) = Split(pair, "--threshold");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new CliException($"--threshold {pair}: '{text}' is not a number");
            rules[column] = Rule(column) with { Threshold = value };
        }
        return rules.Count == 0 ? null : rules;
    }

    private static Dictionary<string, string>? Privileged(string[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var (column, value) = Split(pair, "--privileged");
            values[column] = value;
        }
        return values.Count == 0 ? null : values;
    }

    private static (string Column, string Value) Split(string pair, string option)
    {
        var at = pair.LastIndexOf('=');
        if (at <= 0 || at == pair.Length - 1) throw new CliException($"{option} takes COL=VALUE, not '{pair}'");
        return (pair[..at], pair[(at + 1)..]);
    }
}
