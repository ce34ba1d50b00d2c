using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Tickets;

/// <summary><c>steward ticket list [--system ID] [--status S]</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string?>("--system") { Description = "Only this AI system's tickets (its id)" };
        var status = new Option<string?>("--status") { Description = "Only tickets in this status" };
        status.AcceptOnlyFromAmong(TicketCommand.Statuses);
        var command = new Command("list", "List tickets") { system, status };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var systemId = parseResult.GetValue(system);
            var wanted = parseResult.GetValue(status);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.Tickets.ListAsync(systemId, wanted, cursor, limit, ct),
                cancellationToken, TicketCommand.Columns);
        });
        return command;
    }
}
