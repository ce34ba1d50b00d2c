using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Drift;
using Steward.Drift.Io;
using Steward.Drift.Reports;

namespace Steward.Cli.Commands.Drift;

/// <summary>
/// <c>steward drift report --reference REF --current CUR</c>: runs Evidently's default tests (or <c>--stattest</c>) on every
/// reference column, prints a table and the dataset verdict, optionally writes the JSON and HTML reports; with the model
/// options (<see cref="ModelOptions"/>) adds performance and fairness; exits 2 when the dataset drifted, 0 when not, 1 on errors.
/// </summary>
internal static class ReportCommand
{
    public const int Drifted = 2;

    public static Command Create(CliContext context)
    {
        var reference = new Option<string>("--reference") { Description = "Reference (training) data: CSV with a header row, JSON Lines (.jsonl), Parquet, or a profile from 'steward drift profile'", Required = true };
        var current = new Option<string>("--current") { Description = "Current (production) data, same formats", Required = true };
        var stattest = new Option<string?>("--stattest") { Description = $"Use this test for every column instead of the default choice: {string.Join(", ", DriftEngine.StatTestNames)}" };
        var threshold = new Option<double?>("--threshold") { Description = "Threshold for every column instead of each test's default" };
        var categorical = new Option<string?>("--categorical") { Description = "Comma-separated columns to compare as categories (e.g. codes such as 02139)" };
        var numerical = new Option<string?>("--numerical") { Description = "Comma-separated columns to compare as numbers" };
        var share = new Option<double>("--drift-share") { Description = "The dataset drifts when at least this share of columns drifts", DefaultValueFactory = _ => 0.5 };
        var json = new Option<string?>("--json") { Description = "Write the JSON report to this file" };
        var minSize = new Option<int>("--min-size") { Description = "A column with fewer values than this (after cleaning) on either side is 'insufficient data', not drift", DefaultValueFactory = _ => 1 };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report (charts, no scripts) to this file" };
        var model = new ModelOptions();
        var command = new Command("report", "Compare current data with reference data; exit 2 when the dataset drifted")
        {
            reference, current, stattest, threshold, categorical, numerical, share, json, minSize, html,
        };
        foreach (var option in model.All) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = parseResult.GetValue(json);
            var htmlOutput = parseResult.GetValue(html);
            foreach (var file in new[] { output, htmlOutput })
                if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } parent && !Directory.Exists(parent))
                    throw new CliException($"cannot write {file}: directory {parent} does not exist");
            ModelColumns? modelColumns;
            try
            {
                modelColumns = model.Read(parseResult, () => ProfileReader.ColumnNames(parseResult.GetRequiredValue(reference)));
            }
            catch (DriftException e)
            {
                throw new CliException(e.Message, e);
            }
            var driftShare = parseResult.GetValue(share);
            if (!(driftShare is > 0 and <= 1)) throw new CliException("--drift-share must be greater than 0 and at most 1");
            var fixedThreshold = parseResult.GetValue(threshold);
            if (fixedThreshold is { } t && !double.IsFinite(t)) throw new CliException("--threshold must be a finite number");
            var test = parseResult.GetValue(stattest);
            if (test is not null && !DriftEngine.StatTestNames.Contains(test, StringComparer.Ordinal))
                throw new CliException($"unknown stattest '{test}'; use one of: {string.Join(", ", DriftEngine.StatTestNames)}");

            DriftReport report;
            try
            {
                var (categories, numbers) = (Names(parseResult.GetValue(categorical)), Names(parseResult.GetValue(numerical)));
                var (referencePath, currentPath) = (parseResult.GetRequiredValue(reference), parseResult.GetRequiredValue(current));
                var quality = modelColumns is null ? null : new StreamingModelQuality(modelColumns);
                var (referenceProfile, currentProfile) = ReadData(referencePath, currentPath, categories, numbers, quality);
                var excluded = modelColumns is null || model.DriftModelColumns(parseResult) ? [] : modelColumns.OutcomeColumns;
                report = DriftEngine.Run(referenceProfile, currentProfile, new DriftOptions
                {
                    StatTest = test,
                    Threshold = fixedThreshold,
                    DriftShare = driftShare,
                    MinimumSampleSize = parseResult.GetValue(minSize),
                    ColumnTypes = categories.Select(c => KeyValuePair.Create(c, ColumnType.Categorical))
                        .Concat(numbers.Select(n => KeyValuePair.Create(n, ColumnType.Numerical))).ToDictionary(),
                    Columns = referenceProfile.Columns.Select(c => c.Name).Except(excluded, StringComparer.Ordinal).ToArray(),
                });
                if (quality is not null) report = quality.Evaluate(report);
            }
            catch (DriftException e)
            {
                throw new CliException(e.Message, e);
            }
            Print(context.Out, report, report.ExtraColumns);
            ModelOptions.Print(context.Out, report);
            if (output is not null) File.WriteAllText(output, DriftReportJson.Serialize(report));
            if (htmlOutput is not null)
            {
                using var stream = File.Create(htmlOutput);
                DriftReportHtml.Write(report, stream);
            }
            return report.DatasetDrift ? Drifted : StewardCommandLine.Success;
        });
        return command;
    }

    /// <summary>
    /// The reference (a profile file, detected by content, or data) and the current data, read straight into profiles (exact for
    /// data), each file once, with the model's quality measured in the same pass when asked.
    /// </summary>
    private static (Steward.Drift.Profiles.DriftProfile Reference, Steward.Drift.Profiles.DriftProfile Current) ReadData(string reference, string current, string[] categorical, string[] numerical, StreamingModelQuality? quality)
    {
        if (!ProfileReader.IsProfileFile(reference)) return ProfileReader.ReadPair(reference, current, categorical, numerical, quality);
        var profile = ProfileReader.ReadProfileFile(reference);
        return (profile, ProfileReader.ReadCurrent(current, profile, categorical, numerical, quality));
    }

    private static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static void Print(TextWriter writer, DriftReport report, IReadOnlyList<string> extra)
    {
        Output.Table(writer, report.Columns,
            ("COLUMN", c => c.Column),
            ("TYPE", c => c.ColumnType == ColumnType.Numerical ? "num" : "cat"),
            ("STATTEST", c => c.StatTestName),
            ("THRESHOLD", c => F(c.StatTestThreshold)),
            ("SCORE", c => double.IsFinite(c.DriftScore) ? F(c.DriftScore) : "-"),
            ("DRIFT", c => double.IsNaN(c.DriftScore) && c.Note is not null ? c.Note : (c.DriftDetected ? "yes" : "no") + (c.Note is null ? "" : $" ({c.Note})")));
        if (extra.Count > 0) writer.WriteLine($"not compared (only in the current data): {string.Join(", ", extra)}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dataset drift: {(report.DatasetDrift ? "yes" : "no")} ({report.NumberOfDriftedColumns} of {report.NumberOfColumns} columns drifted, share {report.ShareOfDriftedColumns:0.###}, threshold {report.DriftShare:0.###})"));
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
