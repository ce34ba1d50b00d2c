using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Monitors;

/// <summary><c>steward monitor</c>: drift monitors on the server (the local, file-to-file engine is <c>steward drift</c>).</summary>
internal static class MonitorCommand
{
    public static readonly (string, Func<DriftMonitor, object?>)[] Columns =
    [
        ("ID", m => m.Id),
        ("NAME", m => m.Name),
        ("MODEL", m => m.ModelId ?? m.Endpoint),
        ("STATUS", m => m.Status),
        ("WINDOW", m => $"{m.CurrentWindow.Seq} ({m.CurrentWindow.Rows} rows)"),
        ("NEXT RUN", m => m.NextRunAt),
    ];

    public static Command Create(CliContext context) => new("monitor", "Drift monitors: create them, send production batches, run them, read their runs")
    {
        CreateCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
        ReferenceCommand.Create(context),
        IngestCommand.Create(context),
        LabelsCommand.Create(context),
        RunCommand.Create(context),
        RunsCommand.Create(context),
        DeleteCommand.Create(context),
    };
}
