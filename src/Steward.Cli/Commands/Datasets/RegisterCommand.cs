using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Datasets;

/// <summary><c>steward dataset register</c>.</summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Name of the dataset", Required = true };
        var owner = new Option<string>("--owner") { Description = "Accountable owner", Required = true };
        var system = new Option<string?>("--system") { Description = "Id of the system it belongs to", HelpName = "ID" };
        var description = new Option<string?>("--description") { Description = "Description" };
        var uri = new Option<string?>("--uri") { Description = "Where the data lives" };
        var sha256 = new Option<string?>("--sha256") { Description = "SHA-256 of the data, 64 hex digits", HelpName = "HEX" };
        sha256.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !Sha256Hex.IsValid(result.Tokens[0].Value))
            {
                result.AddError($"--sha256 must be 64 hex digits (got '{result.Tokens[0].Value}')");
            }
        });
        var file = new Option<string?>("--file") { Description = "Local copy of the data; its SHA-256 is computed", HelpName = "PATH" };
        var json = CommonOptions.Json();

        var command = new Command("register", "Register a dataset") { name, owner, system, description, uri, sha256, file, json };
        command.Validators.Add(result =>
        {
            if (result.GetResult(sha256) is not null && result.GetResult(file) is not null)
            {
                result.AddError("give --sha256 or --file, not both");
            }
        });
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file);
            var hash = path is null
                ? parseResult.GetValue(sha256)?.ToLowerInvariant()
                : await FileHashes.Sha256HexAsync(path, cancellationToken);
            using var client = connection.CreateClient(parseResult);
            var dataset = await client.Datasets.RegisterAsync(
                new RegisterDatasetRequest
                {
                    Name = parseResult.GetRequiredValue(name),
                    Owner = parseResult.GetRequiredValue(owner),
                    SystemId = parseResult.GetValue(system),
                    Description = parseResult.GetValue(description),
                    Uri = parseResult.GetValue(uri),
                    Sha256 = hash,
                },
                cancellationToken);
            Output.Record(context.Out, dataset, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
