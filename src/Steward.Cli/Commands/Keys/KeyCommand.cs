using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Keys;

/// <summary><c>steward key</c>: the signing keys decisions are signed with.</summary>
internal static class KeyCommand
{
    public static Command Create(CliContext context) => new("key", "Generate, register, list and revoke decision signing keys")
    {
        GenerateCommand.Create(context),
        RegisterCommand.Create(context),
        ListCommand.Create(context),
        RevokeCommand.Create(context),
    };
}
