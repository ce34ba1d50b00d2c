using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Decisions;

/// <summary><c>steward decision show ID</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The decision's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one decision") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var decision = await client.Decisions.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            Output.Record(context.Out, decision, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
