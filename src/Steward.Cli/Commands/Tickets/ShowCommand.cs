using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Tickets;

/// <summary><c>steward ticket show ID</c>: the ticket, its history and its deliveries to Jira and ServiceNow.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The ticket's key (STW-42) or id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one ticket with its history") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var ticket = await client.Tickets.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, ticket);
                return 0;
            }

            Output.Fields(context.Out, ticket with { History = null, Deliveries = null });
            if (ticket.History is { Count: > 0 } history)
            {
                context.Out.WriteLine();
                Output.Table(context.Out, history,
                    ("AT", h => h.At.ToString("u", CultureInfo.InvariantCulture)), ("ACTOR", h => h.ActorId), ("ACTION", h => h.Action),
                    ("STATUS", h => h.ToStatus is null ? null : $"{h.FromStatus ?? "-"} -> {h.ToStatus}"), ("ENTRY", h => h.LedgerIndex), ("NOTE", h => h.Note));
            }

            if (ticket.Deliveries is { Count: > 0 } deliveries)
            {
                context.Out.WriteLine();
                Output.Table(context.Out, deliveries,
                    ("TARGET", d => d.Target), ("OPERATION", d => d.Operation), ("STATE", d => d.DeliveredAt is null ? "pending" : "delivered"),
                    ("ATTEMPTS", d => d.Attempts), ("LAST ERROR", d => d.LastError));
            }

            return 0;
        });
        return command;
    }
}
