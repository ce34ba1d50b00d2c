using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy decisions [--endpoint E] [--outcome allowed|denied]</c>: the server's decision log, newest first
/// (its own evaluations, OPA agents' and sidecars' uploads), with the usual paging and <c>--json</c>.
/// </summary>
internal static class DecisionsCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Option<string?>("--endpoint") { Description = "Only decisions about this endpoint", HelpName = "ENDPOINT" };
        var outcome = new Option<string?>("--outcome") { Description = "Only allowed or denied decisions", HelpName = "allowed|denied" };
        outcome.AcceptOnlyFromAmong("allowed", "denied");
        var command = new Command("decisions", "List the policy decision log, newest first") { endpoint, outcome };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            bool? allowed = parseResult.GetValue(outcome) switch { "allowed" => true, "denied" => false, _ => null };
            return await list.PrintAsync<PolicyDecision>(parseResult, context.Out,
                (cursor, limit, ct) => client.Policies.ListDecisionsAsync(parseResult.GetValue(endpoint), allowed, cursor, limit, ct),
                cancellationToken,
                ("TIME", d => d.Timestamp), ("ENDPOINT", d => d.Endpoint), ("OUTCOME", d => d.Error is not null ? "error" : d.Allowed switch { true => "allowed", false => "denied", null => "undefined" }),
                ("IN A ROW", d => d.ConsecutiveViolations), ("SOURCE", d => d.Source), ("REASONS", d => d.Error ?? (d.DenyReasons.Count == 0 ? null : string.Join("; ", d.DenyReasons))));
        });
        return command;
    }
}
