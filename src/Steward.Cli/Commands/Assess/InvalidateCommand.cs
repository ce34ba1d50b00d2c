using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess invalidate ID --reason R</c>.</summary>
internal static class InvalidateCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The assessment's id" };
        var reason = new Option<string>("--reason") { Description = "Why the assessment is no longer current", Required = true, HelpName = "TEXT" };
        var json = CommonOptions.Json();
        var command = new Command("invalidate", "Invalidate a submitted or approved assessment") { id, reason, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var assessment = await client.Assessments.InvalidateAsync(parseResult.GetRequiredValue(id), parseResult.GetRequiredValue(reason), cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, assessment);
            else AssessCommand.Summary(context.Out, assessment);
            return 0;
        });
        return command;
    }
}
