using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Drift;

/// <summary><c>steward drift</c>: compare production data with reference data, column by column, with Evidently's tests.</summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context) => new("drift", "Detect data drift between reference and current data")
    {
        ReportCommand.Create(context),
    };
}
