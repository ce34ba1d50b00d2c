using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Systems;

/// <summary><c>steward system</c>: the AI systems of the inventory.</summary>
internal static class SystemCommand
{
    public static readonly string[] RiskTiers = ["unacceptable", "high", "limited", "minimal"];
    public static readonly string[] Statuses = ["proposed", "active", "suspended", "retired"];

    public static Command Create(CliContext context) => new("system", "Register, list, show and update AI systems; move them through their lifecycle")
    {
        RegisterCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
        UpdateCommand.Create(context),
        LifecycleCommands.Advance(context),
        LifecycleCommands.Gate(context),
        LifecycleCommands.Status(context),
        ReportCommand.Create(context),
    };

    public static readonly (string, Func<AiSystem, object?>)[] Columns =
    [
        ("ID", s => s.Id),
        ("NAME", s => s.Name),
        ("RISK", s => s.RiskTier),
        ("STAGE", s => s.Stage),
        ("STATUS", s => s.Status),
        ("OWNER", s => s.Owner),
    ];
}
