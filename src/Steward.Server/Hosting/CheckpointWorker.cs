using Steward.Governance.Ledger;

namespace Steward.Server.Hosting;

/// <summary>
/// Warms the proof mirror at start, then signs a checkpoint of the tree head every
/// <see cref="LedgerOptions.CheckpointInterval"/> while it grows.
/// </summary>
internal sealed partial class CheckpointWorker(CheckpointService checkpoints, LedgerReader reader, LedgerOptions options, TimeProvider time, ILogger<CheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Mirror the stored tree levels now, so the first proof request does not pay for it.
            await reader.WarmAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailure(logger, ex);
        }

        using var timer = new PeriodicTimer(options.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await checkpoints.EnsureLatestAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger background work (checkpoint or proof mirror) failed; will retry")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
