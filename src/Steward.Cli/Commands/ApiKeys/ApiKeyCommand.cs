using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.ApiKeys;

/// <summary><c>steward apikey</c>: API keys (admin only).</summary>
internal static class ApiKeyCommand
{
    public static readonly string[] Roles = ["admin", "approver", "contributor", "auditor", "service"];

    public static Command Create(CliContext context) => new("apikey", "Create, list and revoke API keys (admin)")
    {
        CreateCommand.Create(context),
        ListCommand.Create(context),
        RevokeCommand.Create(context),
    };
}
