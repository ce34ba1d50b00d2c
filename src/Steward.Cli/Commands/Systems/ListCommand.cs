using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Systems;

/// <summary><c>steward system list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List AI systems");
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.Systems.ListAsync(cursor, limit, ct),
                cancellationToken, SystemCommand.Columns);
        });
        return command;
    }
}
