using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam finding status ID --status S --note TEXT [--decision ID]</c>.</summary>
internal static class FindingStatusCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The finding's id" };
        var status = new Option<string>("--status") { Description = "open, mitigated or risk_accepted", Required = true };
        status.AcceptOnlyFromAmong(RedTeamArguments.Statuses);
        var note = new Option<string>("--note") { Description = "Why", Required = true, HelpName = "TEXT" };
        var decision = new Option<string?>("--decision")
        {
            Description = "For risk_accepted: the id of an approved risk_acceptance decision on the same system",
            HelpName = "ID",
        };
        var json = CommonOptions.Json();
        var command = new Command("status", "Set a finding open, mitigated or risk_accepted") { id, status, note, decision, json };
        command.Validators.Add(result =>
        {
            var to = result.GetValue(status);
            var hasDecision = result.GetValue(decision) is not null;
            if (to == "risk_accepted" && !hasDecision) result.AddError("--status risk_accepted needs --decision ID (an approved risk_acceptance decision)");
            if (to is "open" or "mitigated" && hasDecision) result.AddError("--decision is only given with --status risk_accepted");
        });
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var change = new FindingStatusChange(parseResult.GetRequiredValue(status), parseResult.GetRequiredValue(note), parseResult.GetValue(decision));
            using var client = connection.CreateClient(parseResult);
            var finding = await client.RedTeam.ChangeFindingStatusAsync(parseResult.GetRequiredValue(id), change, cancellationToken);
            Output.Record(context.Out, finding, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
