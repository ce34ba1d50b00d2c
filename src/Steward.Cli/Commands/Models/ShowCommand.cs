using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Models;

/// <summary><c>steward model show ID</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The model's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one model") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var model = await client.Models.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            Output.Record(context.Out, model, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
