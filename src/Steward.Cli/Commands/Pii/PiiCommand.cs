using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Pii;

/// <summary><c>steward pii</c>: find and redact personal data in texts and datasets, and measure the engine's accuracy.</summary>
internal static class PiiCommand
{
    public static Command Create(CliContext context) => new("pii", "Find and redact personal data in texts and datasets; measure accuracy")
    {
        AnalyzeCommand.Create(context),
        AnonymizeCommand.Create(context),
        EvaluateCommand.Create(context),
        ScanCommand.Create(context),
    };
}
