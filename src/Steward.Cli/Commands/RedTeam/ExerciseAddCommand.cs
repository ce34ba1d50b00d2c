using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam exercise add</c>.</summary>
internal static class ExerciseAddCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string>("--system") { Description = "The system under test", Required = true, HelpName = "ID" };
        var name = new Option<string>("--name") { Description = "Short name", Required = true };
        var scope = new Option<string>("--scope") { Description = "What is in scope", Required = true, HelpName = "TEXT" };
        var start = new Option<string>("--start") { Description = "First day", Required = true, HelpName = "YYYY-MM-DD" };
        var end = new Option<string>("--end") { Description = "Last day (not before --start)", Required = true, HelpName = "YYYY-MM-DD" };
        start.Validators.Add(RedTeamArguments.ValidateDate);
        end.Validators.Add(RedTeamArguments.ValidateDate);
        var team = new Option<string[]>("--team") { Description = "A person on the team (repeatable, or comma-separated)", Required = true, HelpName = "PERSON" };
        var status = new Option<string?>("--status") { Description = "planned (default), running or completed" };
        status.AcceptOnlyFromAmong("planned", "running", "completed");
        var json = CommonOptions.Json();
        var command = new Command("add", "Create a red-team exercise; it becomes a ledger entry") { system, name, scope, start, end, team, status, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new CreateExerciseRequest
            {
                SystemId = parseResult.GetRequiredValue(system),
                Name = parseResult.GetRequiredValue(name),
                Scope = parseResult.GetRequiredValue(scope),
                StartsOn = parseResult.GetRequiredValue(start),
                EndsOn = parseResult.GetRequiredValue(end),
                Team = parseResult.GetRequiredValue(team).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                Status = parseResult.GetValue(status),
            };
            using var client = connection.CreateClient(parseResult);
            Output.Record(context.Out, await client.RedTeam.CreateExerciseAsync(request, cancellationToken), parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
