using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Tickets;

/// <summary><c>steward ticket</c>: the built-in tracker.</summary>
internal static class TicketCommand
{
    public static readonly string[] Statuses = ["open", "in_progress", "done", "cancelled"];

    public static Command Create(CliContext context) => new("ticket", "List and show tickets (the intake risk-assessment ticket among them)")
    {
        ListCommand.Create(context),
        ShowCommand.Create(context),
    };

    public static readonly (string, Func<Ticket, object?>)[] Columns =
    [
        ("KEY", t => t.Key),
        ("STATUS", t => t.Status),
        ("BLOCKING", t => t.Blocking ? "yes" : "no"),
        ("KIND", t => t.Kind),
        ("SYSTEM", t => t.SystemId),
        ("JIRA", t => t.External?.JiraKey),
        ("TITLE", t => t.Title),
    ];
}
