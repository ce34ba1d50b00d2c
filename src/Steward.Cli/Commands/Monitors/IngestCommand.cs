using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor ingest ID FILE...</c>: one batch per file.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context) => FilePosts.Create(context, "ingest", "Send batches of production rows to a monitor's open window",
        "The monitor's id", "CSV or JSON Lines files of production rows, one batch each",
        (client, id, stream, kind, ct) => client.Monitors.IngestAsync(id, stream, kind, ct),
        (output, path, receipt) =>
        {
            output.WriteLine($"{path}: {receipt.Rows} rows into window {receipt.Window.Seq} ({receipt.Window.Rows} rows in {receipt.Window.Batches} batches)");
            if (receipt.IgnoredColumns.Count > 0) output.WriteLine($"  ignored columns (not in the reference): {string.Join(", ", receipt.IgnoredColumns)}");
            if (receipt.MissingColumns.Count > 0) output.WriteLine($"  missing columns (counted as missing values): {string.Join(", ", receipt.MissingColumns)}");
        });
}
