using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Datasets;

/// <summary><c>steward dataset show ID</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The dataset's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one dataset") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var dataset = await client.Datasets.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            Output.Record(context.Out, dataset, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
