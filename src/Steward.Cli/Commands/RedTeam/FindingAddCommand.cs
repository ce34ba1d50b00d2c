using System.CommandLine;
using Steward.Cli.Commands.Decisions;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam finding add</c>: records a finding by hand.</summary>
internal static class FindingAddCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string>("--system") { Description = "The affected system", Required = true, HelpName = "ID" };
        var exercise = new Option<string?>("--exercise") { Description = "The exercise it was found in", HelpName = "ID" };
        var title = new Option<string>("--title") { Description = "One line", Required = true, HelpName = "TEXT" };
        var description = new Option<string>("--description") { Description = "What was found and how to reproduce it", Required = true, HelpName = "TEXT" };
        var severity = new Option<string>("--severity") { Description = "critical, high, medium, low or info", Required = true };
        severity.AcceptOnlyFromAmong(RedTeamArguments.Severities);
        var atlas = new Option<string[]>("--atlas") { Description = "MITRE ATLAS technique id, e.g. AML.T0043 or AML.T0024.001 (repeatable)", HelpName = "ID" };
        atlas.Validators.Add(RedTeamArguments.ValidateAtlas);
        var owasp = new Option<string[]>("--owasp") { Description = "OWASP LLM Top 10 id, LLM01-LLM10 (repeatable)", HelpName = "ID" };
        owasp.Validators.Add(RedTeamArguments.ValidateOwasp);
        var evidence = new Option<string[]>("--evidence")
        {
            Description = "Evidence: URI, URI@SHA256, or a local FILE whose SHA-256 is computed (repeatable)",
            HelpName = "URI[@SHA256]|FILE",
        };
        var json = CommonOptions.Json();
        var command = new Command("add", "Record a red-team finding; it starts open and becomes a ledger entry")
        {
            system, exercise, title, description, severity, atlas, owasp, evidence, json,
        };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new RecordFindingRequest
            {
                SystemId = parseResult.GetRequiredValue(system),
                ExerciseId = parseResult.GetValue(exercise),
                Title = parseResult.GetRequiredValue(title),
                Description = parseResult.GetRequiredValue(description),
                Severity = parseResult.GetRequiredValue(severity),
                Atlas = parseResult.GetValue(atlas),
                OwaspLlm = parseResult.GetValue(owasp),
                Evidence = await DecisionArguments.EvidenceAsync(parseResult.GetValue(evidence), cancellationToken),
            };
            using var client = connection.CreateClient(parseResult);
            Output.Record(context.Out, await client.RedTeam.RecordFindingAsync(request, cancellationToken), parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
