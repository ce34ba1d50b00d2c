using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor run ID</c>: runs now; exits 2 when the run found drift, as <c>steward drift report</c> does.</summary>
internal static class RunCommand
{
    private const int Drifted = 2;

    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The monitor's id" };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a monitor now: compare its open window with the reference and close the window (exit 2 on drift)") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var run = await client.Monitors.RunAsync(parseResult.GetRequiredValue(id), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, run);
            }
            else
            {
                var share = run.ShareOfDriftedColumns is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) : "-";
                context.Out.WriteLine($"run {run.Id}: window {run.WindowSeq}, {run.Rows} rows, {run.Status}");
                if (run.NumberOfColumns is { } n) context.Out.WriteLine($"  drifted columns: {run.NumberOfDriftedColumns} of {n} (share {share})");
                if (run.TopColumns.Count > 0) context.Out.WriteLine($"  most drifted: {string.Join(", ", run.TopColumns)}");
                if (run.LedgerIndex is { } index) context.Out.WriteLine($"  drift.detected: ledger entry {index}");
                if (run.Status == "failed" && run.Report?.TryGetProperty("error", out var error) == true) context.Out.WriteLine($"  error: {error.GetString()}");
            }
            return run.Status == "drift" ? Drifted : StewardCommandLine.Success;
        });
        return command;
    }
}
