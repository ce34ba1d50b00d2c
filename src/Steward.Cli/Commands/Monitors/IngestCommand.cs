using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor ingest ID FILE...</c>: one batch per file.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var files = new Argument<string[]>("FILE") { Description = "CSV or JSON Lines files of production rows, one batch each", Arity = ArgumentArity.OneOrMore };
        var format = MonitorFiles.FormatOption(profiles: false);
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Send batches of production rows to a monitor's open window") { id, files, format, json };
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
                    var receipt = await client.Monitors.IngestAsync(parseResult.GetRequiredValue(id), stream, kind, cancellationToken);
                    if (parseResult.GetValue(json))
                    {
                        Output.Json(context.Out, receipt);
                        continue;
                    }
                    context.Out.WriteLine($"{path}: {receipt.Rows} rows into window {receipt.Window.Seq} ({receipt.Window.Rows} rows in {receipt.Window.Batches} batches)");
                    if (receipt.IgnoredColumns.Count > 0) context.Out.WriteLine($"  ignored columns (not in the reference): {string.Join(", ", receipt.IgnoredColumns)}");
                    if (receipt.MissingColumns.Count > 0) context.Out.WriteLine($"  missing columns (counted as missing values): {string.Join(", ", receipt.MissingColumns)}");
                }
            }
            return 0;
        });
        return command;
    }
}
