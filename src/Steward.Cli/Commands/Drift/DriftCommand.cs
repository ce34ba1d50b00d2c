using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Drift;

/// <summary><c>steward drift</c>: compare production data with reference data with Evidently's tests; measure group fairness.</summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context) => new("drift", "Detect data drift between reference and current data")
    {
        ReportCommand.Create(context),
        ProfileCommand.Create(context),
        FairnessCommand.Create(context),
    };
}
