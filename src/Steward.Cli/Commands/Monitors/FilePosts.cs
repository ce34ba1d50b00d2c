using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Monitors;

/// <summary>
/// The shape <c>monitor ingest</c> and <c>monitor labels</c> share: <c>ID FILE... [--format csv|jsonl] [--json]</c>;
/// every file must exist before anything is sent, then each is one post whose receipt is printed as it comes.
/// </summary>
internal static class FilePosts
{
    /// <summary>A subcommand that posts each file with <paramref name="post"/> and prints its receipt (JSON with <c>--json</c>).</summary>
    public static Command Create<TReceipt>(
        CliContext context, string name, string description, string idDescription, string filesDescription,
        Func<StewardClient, string, Stream, string, CancellationToken, Task<TReceipt>> post, Action<TextWriter, string, TReceipt> print)
    {
        var id = new Argument<string>("ID") { Description = idDescription };
        var files = new Argument<string[]>("FILE") { Description = filesDescription, Arity = ArgumentArity.OneOrMore };
        var format = MonitorFiles.FormatOption(profiles: false);
        var json = CommonOptions.Json();
        var command = new Command(name, description) { id, files, format, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetRequiredValue(files);
            foreach (var path in paths) if (!File.Exists(path)) throw new CliException($"{path} does not exist");
            using var client = connection.CreateClient(parseResult);
            foreach (var path in paths)
            {
                var (stream, kind) = MonitorFiles.Open(path, parseResult.GetValue(format), profiles: false);
                await using (stream)
                {
                    var receipt = await post(client, parseResult.GetRequiredValue(id), stream, kind, cancellationToken);
                    if (parseResult.GetValue(json)) Output.Json(context.Out, receipt);
                    else print(context.Out, path, receipt);
                }
            }
            return 0;
        });
        return command;
    }
}
