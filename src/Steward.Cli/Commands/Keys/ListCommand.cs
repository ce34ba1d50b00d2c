using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Keys;

/// <summary><c>steward key list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List signing keys");
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.ActorKeys.ListAsync(cursor, limit, ct),
                cancellationToken,
                ("KEY ID", k => k.KeyId),
                ("ALG", k => k.Alg),
                ("ACTOR", k => k.ActorId),
                ("CREATED", k => k.CreatedAt),
                ("REVOKED", k => k.RevokedAt));
        });
        return command;
    }
}
