using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Datasets;

/// <summary><c>steward dataset list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List datasets");
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.Datasets.ListAsync(cursor, limit, ct),
                cancellationToken, DatasetCommand.Columns);
        });
        return command;
    }
}
