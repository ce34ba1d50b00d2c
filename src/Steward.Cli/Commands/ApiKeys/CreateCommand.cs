using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.ApiKeys;

/// <summary><c>steward apikey create --name N --role R... [--expires TIME]</c>: prints the secret once.</summary>
internal static class CreateCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key", Required = true };
        var roles = new Option<string[]>("--role") { Description = "Role granted (repeatable)", Required = true };
        roles.AcceptOnlyFromAmong(ApiKeyCommand.Roles);
        var expires = new Option<DateTimeOffset?>("--expires")
        {
            Description = "Expiry, e.g. 2027-01-01T00:00:00Z",
            HelpName = "TIME",
            CustomParser = TimeArgument.Parse,
        };
        var owner = new Option<string?>("--actor")
        {
            Description = "Whose key it is (the actor recorded in the ledger; default: --name). Give all keys of one person the same actor",
            HelpName = "ACTOR",
        };
        var json = CommonOptions.Json();
        var command = new Command("create", "Create an API key; its secret is shown only now") { name, roles, expires, owner, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var expiresAt = parseResult.GetValue(expires);
            if (expiresAt <= context.Time.GetUtcNow())
            {
                throw new CliException($"--expires {expiresAt:O} is in the past");
            }

            using var client = connection.CreateClient(parseResult);
            var key = await client.ApiKeys.CreateAsync(
                new CreateApiKeyRequest(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(roles).Distinct().ToList(), expiresAt,
                    parseResult.GetValue(owner)),
                cancellationToken);
            Output.Record(context.Out, key, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
