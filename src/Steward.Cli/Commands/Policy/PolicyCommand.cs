using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Policy;

/// <summary><c>steward policy</c>: Rego policies: check, evaluate and test files like OPA; push, pull and list them on the server.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliContext context) => new("policy", "Work with Rego policies")
    {
        CheckCommand.Create(context),
        EvalCommand.Create(context),
        TestCommand.Create(context),
        PushCommand.Create(context),
        PullCommand.Create(context),
        ListCommand.Create(context),
        DecisionsCommand.Create(context),
        ConformanceCommand.Create(context),
    };
}
