using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor labels ID FILE...</c>: labels that arrived after their predictions, one post per file.</summary>
internal static class LabelsCommand
{
    public static Command Create(CliContext context) => FilePosts.Create(context, "labels",
        "Send late labels: each joins its waiting prediction (by row id) and counts in that prediction's window",
        "The monitor's id (one defined with an id column)", "CSV or JSON Lines files with the id column and the label column",
        (client, id, stream, kind, ct) => client.Monitors.PostLabelsAsync(id, stream, kind, ct),
        (output, path, receipt) =>
        {
            output.WriteLine($"{path}: {receipt.Labels} labels, {receipt.Matched} matched, {receipt.Unknown} unknown, {receipt.Duplicates} duplicates, " +
                $"{receipt.Expired} expired, {receipt.Dropped} dropped; {receipt.Pending} predictions still waiting");
            foreach (var w in receipt.Windows)
            {
                var revision = w.Revision is { } r ? $", run {w.RunId} report revision {r}" : "";
                var breaches = w.PerformanceBreaches.Count > 0 ? $" ({string.Join("; ", w.PerformanceBreaches)})" : "";
                output.WriteLine($"  window {w.Seq} ({w.Status}): {w.Matched} labels{revision}{(w.Degraded ? ", performance.degraded" : "")}{breaches}");
            }
            if (receipt.LedgerIndex is { } index) output.WriteLine($"  ledger entry {index}");
        });
}
