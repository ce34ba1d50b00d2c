using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess list [--system ID] [--status S]</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string?>("--system") { Description = "Only this system's assessments", HelpName = "ID" };
        var status = new Option<string?>("--status") { Description = "Only in this status", HelpName = "S" };
        status.AcceptOnlyFromAmong("draft", "submitted", "approved", "rejected", "invalidated");
        var command = new Command("list", "List assessments, newest first") { system, status };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var (on, s) = (parseResult.GetValue(system), parseResult.GetValue(status));
            return await list.PrintAsync(parseResult, context.Out, (cursor, limit, ct) => client.Assessments.ListAsync(on, s, cursor, limit, ct),
                cancellationToken, AssessCommand.Columns);
        });
        return command;
    }
}
