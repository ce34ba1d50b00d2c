using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Decisions;

/// <summary><c>steward decision</c>: governance decisions.</summary>
internal static class DecisionCommand
{
    public static readonly (string, Func<Decision, object?>)[] Columns =
    [
        ("ID", d => d.Id),
        ("TYPE", d => d.Type),
        ("SUBJECT", d => $"{d.Subject.Kind}:{d.Subject.Id}"),
        ("OUTCOME", d => d.Outcome),
        ("SIGNED BY", d => d.Signature?.KeyId),
        ("RECORDED", d => d.RecordedAt),
    ];

    public static Command Create(CliContext context) => new("decision", "Record, list and show governance decisions")
    {
        RecordCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
    };
}
