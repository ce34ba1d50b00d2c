using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Signing;

namespace Steward.Cli.Commands.Keys;

/// <summary><c>steward key generate --out FILE [--alg ed25519|p256]</c>: writes FILE (0600) and FILE.pub.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Private key file to write (mode 0600); the public key goes to FILE.pub", HelpName = "FILE", Required = true };
        var algorithm = new Option<string>("--alg") { Description = "Key algorithm", DefaultValueFactory = _ => "ed25519" };
        algorithm.AcceptOnlyFromAmong("ed25519", "p256");
        var force = new Option<bool>("--force") { Description = "Replace existing files" };
        var json = CommonOptions.Json();

        var command = new Command("generate", "Generate a signing key pair (PKCS#8 private key, SPKI public key)")
        {
            output, algorithm, force, json,
        };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(output);
            var publicPath = path + ".pub";
            var overwrite = parseResult.GetValue(force);
            if (!overwrite && File.Exists(publicPath))
            {
                throw new CliException($"{publicPath} exists; pass --force to replace it");
            }

            using SigningKey key = KeyAlgorithms.FromOption(parseResult.GetValue(algorithm)) == KeyAlgorithms.Ed25519
                ? Ed25519SigningKey.Generate()
                : P256SigningKey.Generate();
            KeyFiles.WriteSecret(path, key.PrivateKeyPem, overwrite);
            KeyFiles.WritePublic(publicPath, key.PublicKeyPem, overwrite);

            var result = new GeneratedKey(key.KeyId, key.Algorithm, Path.GetFullPath(path), Path.GetFullPath(publicPath));
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, result);
            }
            else
            {
                Output.Fields(context.Out, result);
                context.Out.WriteLine($"register it with: steward key register --public {publicPath}");
            }

            return 0;
        });
        return command;
    }

    private sealed record GeneratedKey(string KeyId, string Alg, string PrivateKey, string PublicKey);
}
