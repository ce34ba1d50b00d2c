using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List drift monitors with their status");
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(parseResult, context.Out, (cursor, limit, ct) => client.Monitors.ListAsync(cursor, limit, ct), cancellationToken, MonitorCommand.Columns);
        });
        return command;
    }
}
