using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Pii;
using Steward.Pii.Scanning;

namespace Steward.Cli.Commands.Pii;

/// <summary>
/// <c>steward pii scan FILE</c>: scans a CSV, JSON Lines or Parquet file for personal data and prints a per-column
/// report. Exit code 0 when the verdict passes, <see cref="VerdictFailed"/> (2) when it fails, 1 on errors.
/// </summary>
internal static class ScanCommand
{
    /// <summary>The exit code of a scan whose verdict failed.</summary>
    public const int VerdictFailed = 2;

    /// <summary>The engine scans use (tests substitute one made of their own recognizers).</summary>
    internal static Func<AnalyzerEngine> EngineFactory { get; set; } = () => AnalyzerEngine.CreateDefault();

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The dataset file (.csv, .tsv, .jsonl, .ndjson, .parquet)" };
        var format = new Option<string?>("--format") { Description = "csv, jsonl or parquet (default: from the file's extension)", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("csv", "tsv", "jsonl", "ndjson", "parquet");
        var columns = new Option<string[]>("--columns") { Description = "Columns to scan, comma-separated (CSV header names, JSONL paths, Parquet fields)", HelpName = "NAMES" };
        var failOn = new Option<string[]>("--fail-on") { Description = "Entity types that fail the scan, comma-separated (default: government ids and account numbers)", HelpName = "TYPES" };
        var minScore = new Option<double?>("--min-score") { Description = "Results scoring below this are ignored (default 0.5)", HelpName = "X" };
        minScore.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is < 0 or > 1) r.AddError("--min-score must be between 0 and 1"); });
        var maxRows = new Option<long?>("--max-rows-per-column") { Description = "Rows per column that may hold a --fail-on type (default 0)", HelpName = "N" };
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<long?>() is < 0) r.AddError("--max-rows-per-column cannot be negative"); });
        var redactTo = new Option<string?>("--redact-to") { Description = "Write a copy with every finding replaced by <ENTITY_TYPE> (CSV, JSONL; Parquet: same schema, integers with findings become null)", HelpName = "FILE" };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file", HelpName = "FILE" };
        var samples = new Option<int?>("--samples") { Description = "Redacted samples per column and entity type (default 3)", HelpName = "N" };
        samples.Validators.Add(r => Validate.Range(r, 0, 20));
        var dataset = new Option<string?>("--dataset") { Description = "Record the result on this registered dataset (the file must be the registered one)", HelpName = "ID" };

        var command = new Command("scan", "Scan a dataset file for personal data; exit 2 when the verdict fails")
        {
            file, format, columns, failOn, minScore, maxRows, redactTo, json, samples, dataset,
        };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file).FullName;
            if (!File.Exists(path)) throw new CliException($"{path} does not exist");
            var rule = new ScanRule
            {
                FailOn = List(parseResult.GetValue(failOn)) ?? ScanRule.DefaultFailOn,
                MinScore = parseResult.GetValue(minScore) ?? ScanRule.Default.MinScore,
                MaxRowsPerColumn = parseResult.GetValue(maxRows) ?? 0,
            };
            // CSV and JSONL stream in small batches; a Parquet column chunk is read whole and may need more than the cap.
            if ((ScanFormats.Parse(parseResult.GetValue(format)) ?? ScanFormats.FromPath(path)) != ScanFormat.Parquet) ScanMemory.Cap();
            using var progress = ScanProgressBar.Create(context);
            var options = new ScanOptions
            {
                Format = ScanFormats.Parse(parseResult.GetValue(format)),
                Columns = List(parseResult.GetValue(columns)),
                Rule = rule,
                RedactTo = parseResult.GetValue(redactTo),
                SamplesPerEntity = parseResult.GetValue(samples) ?? 3,
                Progress = progress,
            };
            ScanReport report;
            try
            {
                report = await new DatasetScanner(EngineFactory(), context.Time).ScanFileAsync(path, options, cancellationToken);
            }
            catch (PiiRequestException e)
            {
                throw new CliException(e.Message, e);
            }
            progress?.Clear();
            if (parseResult.GetValue(json) is { } jsonPath) await File.WriteAllBytesAsync(jsonPath, ScanReportJson.Serialize(report), cancellationToken);
            ScanReportText.Write(context.Out, report);
            if (parseResult.GetValue(dataset) is { } datasetId)
            {
                using var client = connection.CreateClient(parseResult);
                var recorded = await client.PiiScans.SubmitReportAsync(datasetId, ScanReportJson.Serialize(report), cancellationToken);
                context.Out.WriteLine($"recorded: scan {recorded.Id} of dataset {datasetId}, verdict {recorded.Verdict}, ledger entry {recorded.LedgerIndex}");
            }
            return report.Verdict.Passed ? StewardCommandLine.Success : VerdictFailed;
        });
        return command;
    }

    private static List<string>? List(string[]? values)
    {
        var items = values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
.ToList();
        return items is { Count: > 0 } ? items : null;
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
