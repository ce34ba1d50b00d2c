using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Decisions;

/// <summary><c>steward decision list [--subject KIND:ID] [--type T]</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var subject = new Option<SubjectRef?>("--subject")
        {
            Description = "Only decisions on this subject",
            HelpName = "KIND:ID",
            CustomParser = DecisionArguments.Subject,
        };
        var type = new Option<string?>("--type") { Description = "Only decisions of this type" };
        type.Validators.Add(DecisionArguments.ValidateType);
        var command = new Command("list", "List decisions") { subject, type };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var on = parseResult.GetValue(subject);
            var filter = new DecisionFilter(on?.Kind, on?.Id, parseResult.GetValue(type));
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.Decisions.ListAsync(filter, cursor, limit, ct),
                cancellationToken, DecisionCommand.Columns);
        });
        return command;
    }
}
