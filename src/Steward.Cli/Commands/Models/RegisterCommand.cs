using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Models;

/// <summary><c>steward model register</c>.</summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Name of the model", Required = true };
        var owner = new Option<string>("--owner") { Description = "Accountable owner", Required = true };
        var system = new Option<string?>("--system") { Description = "Id of the system it belongs to", HelpName = "ID" };
        var description = new Option<string?>("--description") { Description = "Description" };
        var framework = new Option<string?>("--framework") { Description = "Framework, e.g. pytorch" };
        var uri = new Option<string?>("--uri") { Description = "Where the model lives (registry, artifact store)" };
        var json = CommonOptions.Json();

        var command = new Command("register", "Register a model") { name, owner, system, description, framework, uri, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var model = await client.Models.RegisterAsync(
                new RegisterModelRequest
                {
                    Name = parseResult.GetRequiredValue(name),
                    Owner = parseResult.GetRequiredValue(owner),
                    SystemId = parseResult.GetValue(system),
                    Description = parseResult.GetValue(description),
                    Framework = parseResult.GetValue(framework),
                    Uri = parseResult.GetValue(uri),
                },
                cancellationToken);
            Output.Record(context.Out, model, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
