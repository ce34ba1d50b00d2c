using Steward.Governance.Events;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Runs due monitors: every <see cref="MonitorOptions.SchedulerInterval"/> (on the injected clock) it asks the store
/// which monitors' schedule time came or whose open window outlived its length, and runs each as <c>steward</c>
/// with trigger <c>schedule</c>. Several servers on one database may all schedule: a window's run is recorded once.
/// </summary>
internal sealed partial class MonitorScheduler(MonitorRunStore runs, MonitorService service, MonitorOptions options, TimeProvider time,
    ILogger<MonitorScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SchedulerInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.SchedulerInterval, time);
        do
        {
            await RunDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every monitor due now; returns how many ran.</summary>
    internal async Task<int> RunDueAsync(CancellationToken ct)
    {
        var ran = 0;
        try
        {
            foreach (var id in await runs.DueAsync(time.GetUtcNow(), ct))
            {
                try
                {
                    var run = await service.RunAsync(Actor.System, id, "schedule", ct);
                    LogRan(logger, id, run.WindowSeq, run.Status);
                    ran++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, id, ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, "*", ex.GetType().Name, ex.Message);
        }
        return ran;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor {Monitor} ran window {Window}: {Status}")]
    private static partial void LogRan(ILogger logger, string monitor, long window, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled run of monitor {Monitor} failed: {Error}: {Message}")]
    private static partial void LogFailed(ILogger logger, string monitor, string error, string message);
}
