using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor show ID</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one monitor: definition, reference, open window, last run") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            Output.Record(context.Out, await client.Monitors.GetAsync(parseResult.GetRequiredValue(id), cancellationToken), parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
