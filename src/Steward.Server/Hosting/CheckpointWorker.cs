using Steward.Governance.Ledger;

namespace Steward.Server.Hosting;

/// <summary>Signs a checkpoint of the tree head every <see cref="LedgerOptions.CheckpointInterval"/> while it grows.</summary>
internal sealed partial class CheckpointWorker(CheckpointService checkpoints, LedgerOptions options, TimeProvider time, ILogger<CheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing a ledger checkpoint failed; will retry")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
