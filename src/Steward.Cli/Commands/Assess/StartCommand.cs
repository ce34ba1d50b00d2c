using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess start --system ID [--template T] [--template-version N]</c>.</summary>
internal static class StartCommand
{
    public static Command Create(CliContext context)
    {
        var system = new Option<string>("--system") { Description = "The system to assess", Required = true, HelpName = "ID" };
        var template = new Option<string?>("--template") { Description = "Template id (default: the server's default template)", HelpName = "T" };
        var version = new Option<long?>("--template-version") { Description = "Template version (default: the latest active one)", HelpName = "N" };
        version.Validators.Add(r => Validate.Range(r, 1, int.MaxValue));
        var json = CommonOptions.Json();
        var command = new Command("start", "Start a risk assessment of a system") { system, template, version, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var assessment = await client.Assessments.StartAsync(
                parseResult.GetRequiredValue(system), parseResult.GetValue(template), parseResult.GetValue(version), cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, assessment);
            else context.Out.WriteLine($"{assessment.Id} (draft, template {assessment.TemplateId} version {assessment.TemplateVersion})");
            return 0;
        });
        return command;
    }
}
