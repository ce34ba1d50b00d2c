using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor runs ID [RUN] [--html FILE]</c>: a monitor's runs, or one run with its report (JSON, or the HTML report into a file).</summary>
internal static class RunsCommand
{
    private static readonly (string, Func<MonitorRun, object?>)[] Columns =
    [
        ("RUN", r => r.Id),
        ("WINDOW", r => r.WindowSeq),
        ("AT", r => r.RunAt),
        ("TRIGGER", r => r.Trigger),
        ("STATUS", r => r.Status),
        ("ROWS", r => r.Rows),
        ("SHARE", r => r.ShareOfDriftedColumns),
        ("TOP", r => string.Join(",", r.TopColumns)),
    ];

    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var run = new Argument<string?>("RUN") { Description = "A run's id: show it with its report", Arity = ArgumentArity.ZeroOrOne };
        var html = new Option<string?>("--html") { Description = "With RUN: write the run's self-contained HTML report to FILE", HelpName = "FILE" };
        var command = new Command("runs", "List a monitor's runs, newest first, or show one run with its report") { id, run, html };
        var list = new ListOptions(command);
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var monitorId = parseResult.GetRequiredValue(id);
            if (parseResult.GetValue(html) is { } file)
            {
                if (parseResult.GetValue(run) is not { } reportRun) throw new CliException("--html needs a RUN: the run whose report to write");
                var bytes = await client.Monitors.GetRunHtmlAsync(monitorId, reportRun, cancellationToken);
                try
                {
                    await File.WriteAllBytesAsync(file, bytes, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {file}: {e.Message}");
                }
                context.Out.WriteLine($"wrote the HTML report of run {reportRun} to {file} ({bytes.Length} bytes)");
                return 0;
            }
            if (parseResult.GetValue(run) is { } runId)
            {
                Output.Json(context.Out, await client.Monitors.GetRunAsync(monitorId, runId, cancellationToken));
                return 0;
            }
            return await list.PrintAsync(parseResult, context.Out, (cursor, limit, ct) => client.Monitors.ListRunsAsync(monitorId, cursor, limit, ct), cancellationToken, Columns);
        });
        return command;
    }
}
