using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Pii;
using Steward.Pii.Anonymization;

namespace Steward.Cli.Commands.Pii;

/// <summary><c>steward pii anonymize</c>: analyse a text and replace what was found, in process or on the server.</summary>
internal static class AnonymizeCommand
{
    public static Command Create(CliContext context)
    {
        var operators = new Option<string[]>("--operator")
        {
            Description = "TYPE=OPERATOR[:param=value]... per entity type or DEFAULT, e.g. PERSON=replace:new_value=[name], CREDIT_CARD=mask:masking_char=*:chars_to_mask=12 (default: replace with <TYPE>)",
            HelpName = "SPEC",
        };
        var json = CommonOptions.Json();
        var command = new Command("anonymize", "Find and replace personal data in a text (Presidio's /analyze then /anonymize); in process unless --server")
        {
            operators, json,
        };
        var input = new PiiInput(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var specs = (parseResult.GetValue(operators) ?? []).Select(OperatorSpec.Parse).ToList();
            var duplicate = specs.GroupBy(s => s.EntityType).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new CliException($"--operator: {duplicate.Key} is given twice");
            var map = specs.ToDictionary(s => s.EntityType, s => s.Operator);
            var text = await input.ReadTextAsync(parseResult, cancellationToken);
            var results = await input.AnalyzeAsync(parseResult, text, explain: false, cancellationToken);
            PiiAnonymizeResult anonymized;
            if (input.OnServer(parseResult))
            {
                using var client = input.Client(parseResult);
                anonymized = await client.Pii.AnonymizeAsync(new PiiAnonymizeRequest { Text = text, AnalyzerResults = results, Anonymizers = map.Count == 0 ? null : map }, cancellationToken);
            }
            else
            {
                try
                {
                    var local = new AnonymizerEngine().Anonymize(text, results.Select(r => new EntitySpan(r.EntityType, r.Start, r.End, r.Score)),
                        map.ToDictionary(kv => kv.Key, kv => PiiConvert.ToConfig(kv.Value)));
                    anonymized = PiiConvert.ToResult(local);
                }
                catch (PiiRequestException e)
                {
                    throw new CliException(e.Message, e);
                }
            }
            if (parseResult.GetValue(json)) Output.Json(context.Out, anonymized);
            else context.Out.WriteLine(anonymized.Text);
            return 0;
        });
        return command;
    }
}
