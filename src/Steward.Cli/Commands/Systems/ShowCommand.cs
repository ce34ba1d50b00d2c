using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Systems;

/// <summary><c>steward system show ID</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one AI system") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var system = await client.Systems.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            Output.Record(context.Out, system, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
