using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Systems;

/// <summary><c>steward system update ID [--purpose] [--owner] [--business-unit] [--risk-tier] [--status]</c>.</summary>
internal static class UpdateCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var purpose = new Option<string?>("--purpose") { Description = "What the system is for" };
        var owner = new Option<string?>("--owner") { Description = "Accountable owner" };
        var businessUnit = new Option<string?>("--business-unit") { Description = "Business unit that runs it" };
        var riskTier = new Option<string?>("--risk-tier") { Description = "Risk tier" };
        riskTier.AcceptOnlyFromAmong(SystemCommand.RiskTiers);
        var status = new Option<string?>("--status") { Description = "Lifecycle status" };
        status.AcceptOnlyFromAmong(SystemCommand.Statuses);
        var json = CommonOptions.Json();

        var command = new Command("update", "Change an AI system (recorded in the ledger)")
        {
            id, purpose, owner, businessUnit, riskTier, status, json,
        };
        command.Validators.Add(result =>
        {
            if (new Option[] { purpose, owner, businessUnit, riskTier, status }.All(o => result.GetResult(o) is null))
            {
                result.AddError("nothing to change: give at least one of --purpose, --owner, --business-unit, --risk-tier, --status");
            }
        });
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var system = await client.Systems.UpdateAsync(
                parseResult.GetRequiredValue(id),
                new UpdateSystemRequest
                {
                    Purpose = parseResult.GetValue(purpose),
                    Owner = parseResult.GetValue(owner),
                    BusinessUnit = parseResult.GetValue(businessUnit),
                    RiskTier = parseResult.GetValue(riskTier),
                    Status = parseResult.GetValue(status),
                },
                cancellationToken);
            Output.Record(context.Out, system, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
