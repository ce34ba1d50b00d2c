using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor labels ID FILE...</c>: labels that arrived after their predictions, one post per file.</summary>
internal static class LabelsCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id (one defined with an id column)" };
        var files = new Argument<string[]>("FILE") { Description = "CSV or JSON Lines files with the id column and the label column", Arity = ArgumentArity.OneOrMore };
        var format = MonitorFiles.FormatOption(profiles: false);
        var json = CommonOptions.Json();
        var command = new Command("labels", "Send late labels: each joins its waiting prediction (by row id) and counts in that prediction's window") { id, files, format, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetRequiredValue(files);
            foreach (var path in paths) if (!File.Exists(path)) throw new CliException($"{path} does not exist");
            using var client = connection.CreateClient(parseResult);
            foreach (var path in paths)
            {
                var (stream, kind) = MonitorFiles.Open(path, parseResult.GetValue(format), profiles: false);
                await using (stream)
                {
                    var receipt = await client.Monitors.PostLabelsAsync(parseResult.GetRequiredValue(id), stream, kind, cancellationToken);
                    if (parseResult.GetValue(json))
                    {
                        Output.Json(context.Out, receipt);
                        continue;
                    }
                    context.Out.WriteLine($"{path}: {receipt.Labels} labels, {receipt.Matched} matched, {receipt.Unknown} unknown, {receipt.Duplicates} duplicates, " +
                        $"{receipt.Expired} expired, {receipt.Dropped} dropped; {receipt.Pending} predictions still waiting");
                    foreach (var w in receipt.Windows)
                    {
                        var revision = w.Revision is { } r ? $", run {w.RunId} report revision {r}" : "";
                        var breaches = w.PerformanceBreaches.Count > 0 ? $" ({string.Join("; ", w.PerformanceBreaches)})" : "";
                        context.Out.WriteLine($"  window {w.Seq} ({w.Status}): {w.Matched} labels{revision}{(w.Degraded ? ", performance.degraded" : "")}{breaches}");
                    }
                    if (receipt.LedgerIndex is { } index) context.Out.WriteLine($"  ledger entry {index}");
                }
            }
            return 0;
        });
        return command;
    }
}
