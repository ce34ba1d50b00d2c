using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.RedTeam;

/// <summary><c>steward redteam</c>: exercises, findings and the automated probe kit.</summary>
internal static class RedTeamCommand
{
    public static readonly (string, Func<Finding, object?>)[] FindingColumns =
    [
        ("ID", f => f.Id),
        ("SEVERITY", f => f.Severity),
        ("STATUS", f => f.Status),
        ("SOURCE", f => f.Source),
        ("ATLAS", f => f.Atlas.Count == 0 ? null : string.Join(",", f.Atlas)),
        ("OWASP", f => f.OwaspLlm.Count == 0 ? null : string.Join(",", f.OwaspLlm)),
        ("TITLE", f => f.Title),
    ];

    public static readonly (string, Func<Exercise, object?>)[] ExerciseColumns =
    [
        ("ID", e => e.Id),
        ("SYSTEM", e => e.SystemId),
        ("NAME", e => e.Name),
        ("STATUS", e => e.Status),
        ("FROM", e => e.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("TO", e => e.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("TEAM", e => string.Join(",", e.Team)),
    ];

    public static Command Create(CliContext context) => new("redteam", "Red-team exercises, findings and automated probes")
    {
        ProbeCommand.Create(context),
        new Command("finding", "Record, list and change red-team findings")
        {
            FindingAddCommand.Create(context),
            FindingListCommand.Create(context),
            FindingStatusCommand.Create(context),
        },
        new Command("exercise", "Create and list red-team exercises")
        {
            ExerciseAddCommand.Create(context),
            ExerciseListCommand.Create(context),
        },
    };
}
