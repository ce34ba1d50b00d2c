using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess submit ID</c>: submits and prints the score.</summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The assessment's id" };
        var json = CommonOptions.Json();
        var command = new Command("submit", "Submit an assessment for approval; prints its score") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var assessment = await client.Assessments.SubmitAsync(parseResult.GetRequiredValue(id), cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, assessment);
            else AssessCommand.Summary(context.Out, assessment);
            return 0;
        });
        return command;
    }
}
