using System.CommandLine;
using System.Security.Cryptography;
using Steward.Cli.Infrastructure;
using Steward.Cli.Signing;

namespace Steward.Cli.Commands.Keys;

/// <summary><c>steward key register --public FILE</c>: registers a public key of the calling actor.</summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--public")
        {
            Description = "SPKI PEM public key (a private key file works too: its public key is derived)",
            HelpName = "FILE",
            Required = true,
        };
        var json = CommonOptions.Json();
        var command = new Command("register", "Register a public key to sign your decisions with") { file, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (publicKeyInfo, _) = KeyFiles.LoadPublic(parseResult.GetRequiredValue(file));
            using var client = connection.CreateClient(parseResult);
            var key = await client.ActorKeys.RegisterAsync(PemEncoding.WriteString("PUBLIC KEY", publicKeyInfo), cancellationToken);
            var expected = KeyIds.For(publicKeyInfo);
            if (!string.Equals(key.KeyId, expected, StringComparison.Ordinal))
            {
                throw new CliException($"the server registered key id {key.KeyId}, but the key's id is {expected}");
            }

            Output.Record(context.Out, key, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
