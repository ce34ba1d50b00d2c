using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.ApiKeys;

/// <summary><c>steward apikey list</c>: without secrets.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List API keys (no secrets)");
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.ApiKeys.ListAsync(cursor, limit, ct),
                cancellationToken,
                ("ID", k => k.Id),
                ("NAME", k => k.Name),
                ("PREFIX", k => k.Prefix),
                ("ROLES", k => string.Join(",", k.Roles)),
                ("EXPIRES", k => k.ExpiresAt),
                ("REVOKED", k => k.RevokedAt));
        });
        return command;
    }
}
