using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam finding list [--system ID] [--exercise ID] [--status S] [--severity S]</c>.</summary>
internal static class FindingListCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string?>("--system") { Description = "Only findings of this system", HelpName = "ID" };
        var exercise = new Option<string?>("--exercise") { Description = "Only findings of this exercise", HelpName = "ID" };
        var status = new Option<string?>("--status") { Description = "open, mitigated or risk_accepted" };
        status.AcceptOnlyFromAmong(RedTeamArguments.Statuses);
        var severity = new Option<string?>("--severity") { Description = "critical, high, medium, low or info" };
        severity.AcceptOnlyFromAmong(RedTeamArguments.Severities);
        var command = new Command("list", "List red-team findings") { system, exercise, status, severity };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var filter = new FindingFilter(parseResult.GetValue(system), parseResult.GetValue(exercise), parseResult.GetValue(status), parseResult.GetValue(severity));
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.RedTeam.ListFindingsAsync(filter, cursor, limit, ct),
                cancellationToken, RedTeamCommand.FindingColumns);
        });
        return command;
    }
}
