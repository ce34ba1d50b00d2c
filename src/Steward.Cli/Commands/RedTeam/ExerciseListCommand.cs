using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam exercise list [--system ID]</c>.</summary>
internal static class ExerciseListCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string?>("--system") { Description = "Only exercises of this system", HelpName = "ID" };
        var command = new Command("list", "List red-team exercises") { system };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var systemId = parseResult.GetValue(system);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.RedTeam.ListExercisesAsync(systemId, cursor, limit, ct),
                cancellationToken, RedTeamCommand.ExerciseColumns);
        });
        return command;
    }
}
