using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger entries [--type] [--subject] [--actor] [--since] [--until]</c>.</summary>
internal static class EntriesCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type") { Description = "Only events of this type, e.g. decision.recorded" };
        var subject = new Option<SubjectRef?>("--subject")
        {
            Description = "Only events on this subject",
            HelpName = "KIND:ID",
            CustomParser = SubjectAnyKind,
        };
        var actor = new Option<string?>("--actor") { Description = "Only events caused by this actor id", HelpName = "ID" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only events at or after this time", HelpName = "TIME", CustomParser = TimeArgument.Parse };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Only events before this time", HelpName = "TIME", CustomParser = TimeArgument.Parse };
        var command = new Command("entries", "List ledger entries") { type, subject, actor, since, until };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var on = parseResult.GetValue(subject);
            var filter = new LedgerEntryFilter(
                parseResult.GetValue(type), on?.Kind, on?.Id, parseResult.GetValue(actor), parseResult.GetValue(since), parseResult.GetValue(until));
            using var client = connection.CreateClient(parseResult);
            return await list.PrintAsync(
                parseResult, context.Out, (cursor, limit, ct) => client.Ledger.ListEntriesAsync(filter, cursor, limit, ct),
                cancellationToken,
                ("INDEX", e => e.Index),
                ("TIME", e => e.Event.Time),
                ("TYPE", e => e.Event.Type),
                ("SUBJECT", e => e.Event.Subject is { } s ? $"{s.Kind}:{s.Id}" : null),
                ("ACTOR", e => e.Event.Actor?.Id));
        });
        return command;
    }

    /// <summary>Ledger entries know more subject kinds than decisions (model_version, endpoint, policy, ...).</summary>
    private static SubjectRef? SubjectAnyKind(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon == text.Length - 1)
        {
            result.AddError($"--subject must be KIND:ID (got '{text}')");
            return null;
        }

        return new SubjectRef(text[..colon], text[(colon + 1)..]);
    }
}
