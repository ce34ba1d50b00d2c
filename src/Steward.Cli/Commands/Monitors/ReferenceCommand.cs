using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor reference ID FILE</c>.</summary>
internal static class ReferenceCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var file = new Argument<string>("FILE") { Description = "A drift profile (steward drift profile), or a CSV / JSON Lines file the server profiles" };
        var format = MonitorFiles.FormatOption(profiles: true);
        var json = CommonOptions.Json();
        var command = new Command("reference", "Set a monitor's reference (a window holding batches is discarded)") { id, file, format, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (stream, kind) = MonitorFiles.Open(parseResult.GetRequiredValue(file), parseResult.GetValue(format), profiles: true);
            await using (stream)
            {
                using var client = connection.CreateClient(parseResult);
                var monitor = await client.Monitors.SetReferenceAsync(parseResult.GetRequiredValue(id), stream, kind, cancellationToken);
                Output.Record(context.Out, monitor, parseResult.GetValue(json));
            }
            return 0;
        });
        return command;
    }
}
