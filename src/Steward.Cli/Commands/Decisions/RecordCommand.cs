using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Signing;
using Steward.Client;

namespace Steward.Cli.Commands.Decisions;

/// <summary><c>steward decision record</c>: records a decision, signed with <c>--sign-key</c> if given.</summary>
internal static class RecordCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string>("--type") { Description = "Decision type, e.g. deployment_approval", Required = true };
        type.Validators.Add(DecisionArguments.ValidateType);
        var subject = new Option<SubjectRef>("--subject")
        {
            Description = "What is decided on: system:ID, model:ID or dataset:ID",
            HelpName = "KIND:ID",
            Required = true,
            CustomParser = DecisionArguments.Subject,
        };
        var outcome = new Option<string>("--outcome") { Description = "approved or rejected", Required = true };
        outcome.AcceptOnlyFromAmong("approved", "rejected");
        var rationale = new Option<string>("--rationale") { Description = "Why", Required = true, HelpName = "TEXT" };
        var risk = new Option<string?>("--risk-acknowledged")
        {
            Description = "The risk knowingly accepted (true/false are sent as a boolean)",
            HelpName = "TEXT",
        };
        var evidence = new Option<string[]>("--evidence")
        {
            Description = "Evidence: URI, URI@SHA256, or a local FILE whose SHA-256 is computed (repeatable)",
            HelpName = "URI[@SHA256]|FILE",
        };
        var refs = new Option<string[]>("--ref") { Description = "Reference KEY=VALUE, e.g. ticket=GOV-12 (repeatable)", HelpName = "KEY=VALUE" };
        refs.Validators.Add(DecisionArguments.ValidateRefs);
        var supersedes = new Option<string?>("--supersedes") { Description = "Id of the earlier decision this one corrects", HelpName = "ID" };
        var signKey = new Option<string?>("--sign-key") { Description = "PKCS#8 PEM private key (Ed25519 or P-256) to sign with", HelpName = "FILE" };
        var json = CommonOptions.Json();

        var command = new Command("record", "Record a decision; it becomes a ledger entry")
        {
            type, subject, outcome, rationale, risk, evidence, refs, supersedes, signKey, json,
        };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new DecisionRequest
            {
                Type = parseResult.GetRequiredValue(type),
                Subject = parseResult.GetRequiredValue(subject),
                Outcome = parseResult.GetRequiredValue(outcome),
                Rationale = parseResult.GetRequiredValue(rationale),
                RiskAcknowledged = DecisionArguments.RiskAcknowledged(parseResult.GetValue(risk)),
                Evidence = await DecisionArguments.EvidenceAsync(parseResult.GetValue(evidence), cancellationToken),
                Refs = DecisionArguments.Refs(parseResult.GetValue(refs)),
                Supersedes = parseResult.GetValue(supersedes),
            };
            if (parseResult.GetValue(signKey) is { } keyFile)
            {
                using var key = KeyFiles.LoadPrivate(keyFile);
                request = DecisionSigner.Sign(request, key);
            }

            using var client = connection.CreateClient(parseResult);
            var decision = await client.Decisions.RecordAsync(request, cancellationToken);
            Output.Record(context.Out, decision, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
