using System.CommandLine;
using System.Text.Json.Nodes;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess answer ID --question Q --value V</c> or <c>--file answers.json</c>.</summary>
internal static class AnswerCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The assessment's id" };
        var question = new Option<string?>("--question") { Description = "The question's id", HelpName = "Q" };
        var value = new Option<string?>("--value")
        {
            Description = "The answer: yes/no, an option value, a number, text, or for evidence a file (its SHA-256 is sent), an https link or LINK@SHA256; null removes it",
            HelpName = "V",
        };
        var file = new Option<string?>("--file") { Description = "A JSON object of question id to answer, for many answers at once", HelpName = "PATH" };
        var json = CommonOptions.Json();
        var command = new Command("answer", "Answer questions of a draft assessment") { id, question, value, file, json };
        command.Validators.Add(result =>
        {
            var hasFile = result.GetResult(file) is not null;
            var hasQuestion = result.GetResult(question) is not null;
            var hasValue = result.GetResult(value) is not null;
            if (hasFile && (hasQuestion || hasValue)) result.AddError("give either --question and --value, or --file, not both");
            else if (!hasFile && !(hasQuestion && hasValue)) result.AddError("give --question Q --value V, or --file answers.json");
        });
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var assessmentId = parseResult.GetRequiredValue(id);
            Dictionary<string, JsonNode?> answers;
            if (parseResult.GetValue(file) is { } path)
            {
                answers = await AnswerValueParser.ReadFileAsync(path, cancellationToken);
            }
            else
            {
                var questionId = parseResult.GetValue(question)!;
                var current = await client.Assessments.GetAsync(assessmentId, cancellationToken);
                var template = await client.Assessments.GetTemplateAsync(current.Template.Id, current.Template.Version, cancellationToken);
                var q = template.Sections.SelectMany(s => s.Questions).FirstOrDefault(x => x.Id == questionId)
                    ?? throw new CliException($"--question {questionId} is not a question of template {template.Id} version {template.Version}");
                answers = new() { [questionId] = await AnswerValueParser.ParseAsync(q, parseResult.GetValue(value)!, cancellationToken) };
            }
            var detail = await client.Assessments.AnswerAsync(assessmentId, answers, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, detail);
                return 0;
            }
            context.Out.WriteLine($"recorded {answers.Count} answer(s); {detail.Missing.Count} required question(s) still open");
            if (detail.Missing.Count > 0) context.Out.WriteLine($"  open: {string.Join(", ", detail.Missing)}");
            return 0;
        });
        return command;
    }
}
