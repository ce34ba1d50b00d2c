using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Systems;

/// <summary><c>steward system register</c>.</summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Unique name of the system", Required = true };
        var owner = new Option<string>("--owner") { Description = "Accountable owner", Required = true };
        var riskTier = new Option<string>("--risk-tier") { Description = "Risk tier", Required = true };
        riskTier.AcceptOnlyFromAmong(SystemCommand.RiskTiers);
        var purpose = new Option<string?>("--purpose") { Description = "What the system is for" };
        var businessUnit = new Option<string?>("--business-unit") { Description = "Business unit that runs it" };
        var status = new Option<string?>("--status") { Description = "Lifecycle status (server default: proposed)" };
        status.AcceptOnlyFromAmong(SystemCommand.Statuses);
        var json = CommonOptions.Json();

        var command = new Command("register", "Register an AI system") { name, owner, riskTier, purpose, businessUnit, status, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var system = await client.Systems.RegisterAsync(
                new RegisterSystemRequest
                {
                    Name = parseResult.GetRequiredValue(name),
                    Owner = parseResult.GetRequiredValue(owner),
                    RiskTier = parseResult.GetRequiredValue(riskTier),
                    Purpose = parseResult.GetValue(purpose),
                    BusinessUnit = parseResult.GetValue(businessUnit),
                    Status = parseResult.GetValue(status),
                },
                cancellationToken);
            Output.Record(context.Out, system, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
