using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess show ID</c>: status, score, visible questions and answers.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The assessment's id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show an assessment with its visible questions and answers") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var detail = await client.Assessments.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, detail);
                return 0;
            }
            var a = detail.Assessment;
            context.Out.WriteLine($"system {a.SystemId}, template {detail.Template.Id} version {detail.Template.Version} ({detail.Template.Status})");
            AssessCommand.Summary(context.Out, a);
            foreach (var section in detail.Sections)
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"{section.Title}");
                foreach (var q in section.Questions)
                {
                    var answer = q.Answer is null ? (q.Required ? "(unanswered, required)" : "(unanswered)") : q.Answer.ToJsonString();
                    context.Out.WriteLine($"  {q.Id} [{q.Type}]: {answer}");
                }
            }
            if (detail.Missing.Count > 0)
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"open required questions: {string.Join(", ", detail.Missing)}");
            }
            return 0;
        });
        return command;
    }
}
