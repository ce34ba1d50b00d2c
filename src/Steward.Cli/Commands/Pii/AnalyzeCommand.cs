using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Pii;

/// <summary><c>steward pii analyze</c>: find PII in a text, in process or on the server (<c>--server</c>).</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var explain = new Option<bool>("--explain") { Description = "Show how each result came about (recognizer, pattern, context, validation)" };
        var json = CommonOptions.Json();
        var command = new Command("analyze", "Find personal data in a text (Presidio's /analyze); in process unless --server") { explain, json };
        var input = new PiiInput(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = await input.ReadTextAsync(parseResult, cancellationToken);
            var explained = parseResult.GetValue(explain);
            var results = await input.AnalyzeAsync(parseResult, text, explained, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, results);
                return 0;
            }
            if (results.Count == 0)
            {
                context.Out.WriteLine("no personal data found");
                return 0;
            }
            var columns = new List<(string, Func<Steward.Client.PiiEntity, object?>)>
            {
                ("START", r => r.Start), ("END", r => r.End), ("ENTITY", r => r.EntityType),
                ("SCORE", r => r.Score.ToString("0.00", CultureInfo.InvariantCulture)), ("TEXT", r => text[r.Start..r.End]),
            };
            if (explained)
            {
                columns.Add(("RECOGNIZER", r => r.AnalysisExplanation?.Recognizer));
                columns.Add(("PATTERN", r => r.AnalysisExplanation?.PatternName));
                columns.Add(("CONTEXT", r => string.IsNullOrEmpty(r.AnalysisExplanation?.SupportiveContextWord) ? null
                    : $"{r.AnalysisExplanation.SupportiveContextWord} (+{r.AnalysisExplanation.ScoreContextImprovement.ToString("0.00", CultureInfo.InvariantCulture)})"));
                columns.Add(("VALID", r => r.AnalysisExplanation?.ValidationResult is { } v ? (v ? "yes" : "no") : null));
            }
            Output.Table(context.Out, results, [.. columns]);
            return 0;
        });
        return command;
    }
}
