using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.ApiKeys;

/// <summary><c>steward apikey revoke ID</c>.</summary>
internal static class RevokeCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The API key's id" };
        var command = new Command("revoke", "Revoke an API key") { id };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var keyId = parseResult.GetRequiredValue(id);
            await client.ApiKeys.RevokeAsync(keyId, cancellationToken);
            await context.Out.WriteLineAsync($"revoked API key {keyId}");
            return 0;
        });
        return command;
    }
}
