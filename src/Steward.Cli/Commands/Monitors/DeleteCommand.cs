using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor delete ID</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var command = new Command("delete", "Delete a monitor with its windows and runs (its ledger entries stay)") { id };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            await client.Monitors.DeleteAsync(parseResult.GetRequiredValue(id), cancellationToken);
            context.Out.WriteLine($"deleted monitor {parseResult.GetRequiredValue(id)}");
            return 0;
        });
        return command;
    }
}
