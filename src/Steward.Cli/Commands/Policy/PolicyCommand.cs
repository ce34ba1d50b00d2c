using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Policy;

/// <summary><c>steward policy</c>: Rego policies (the engine is being built; checking syntax works today).</summary>
internal static class PolicyCommand
{
    public static Command Create(CliContext context) => new("policy", "Work with Rego policies")
    {
        CheckCommand.Create(context),
        ConformanceCommand.Create(context),
    };
}
