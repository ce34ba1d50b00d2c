using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess approve ID [--comment C]</c> and <c>steward assess reject ID --comment C</c>.</summary>
internal static class DecideCommand
{
    public static Command Create(CliContext context, bool approve)
    {
        var id = new Argument<string>("ID") { Description = "The assessment's id" };
        var comment = new Option<string?>("--comment")
        {
            Description = approve ? "Why it is approved (optional)" : "Why it is rejected",
            Required = !approve,
            HelpName = "TEXT",
        };
        var json = CommonOptions.Json();
        var command = new Command(approve ? "approve" : "reject",
            approve ? "Approve a submitted assessment (not your own)" : "Reject a submitted assessment (not your own)") { id, comment, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var assessmentId = parseResult.GetRequiredValue(id);
            var assessment = approve
                ? await client.Assessments.ApproveAsync(assessmentId, parseResult.GetValue(comment), cancellationToken)
                : await client.Assessments.RejectAsync(assessmentId, parseResult.GetValue(comment)!, cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, assessment);
            else AssessCommand.Summary(context.Out, assessment);
            return 0;
        });
        return command;
    }
}
