using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Keys;

/// <summary><c>steward key revoke KEY_ID</c>.</summary>
internal static class RevokeCommand
{
    public static Command Create(CliContext context)
    {
        var keyId = new Argument<string>("KEY_ID") { Description = "The key's id" };
        var command = new Command("revoke", "Revoke a signing key (its owner or an admin)") { keyId };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var id = parseResult.GetRequiredValue(keyId);
            await client.ActorKeys.RevokeAsync(id, cancellationToken);
            await context.Out.WriteLineAsync($"revoked signing key {id}");
            return 0;
        });
        return command;
    }
}
