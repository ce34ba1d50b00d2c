using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>
/// Delivers the ticket outbox: claims due rows (leased, so several processes share the work), carries each out with
/// its connector, and on failure stores the attempt, a credential-free error and the next attempt's time: exponential
/// backoff with ±25 % jitter, or the tracker's Retry-After. Rows are never dropped: an outage only delays them.
/// </summary>
internal sealed partial class TicketDeliveryWorker(
    IEnumerable<ITicketConnector> connectors, TicketOutboxStore outbox, TicketSyncStore sync, TicketStore tickets,
    TicketsOptions options, TimeProvider time, ILogger<TicketDeliveryWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, ITicketConnector> _connectors = connectors.ToDictionary(c => c.Target, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_connectors.Count == 0) return;
        using var timer = new PeriodicTimer(options.Delivery.Interval, time);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                    // A full batch: look again at once.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: returns how many rows were claimed when the batch was full (0 otherwise).</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = await outbox.ClaimDueAsync(_connectors.Keys, now, now + 2 * options.Delivery.RequestTimeout, options.Delivery.BatchSize, ct);
        foreach (var item in batch)
        {
            ct.ThrowIfCancellationRequested();
            await DeliverAsync(item, ct);
        }
        return batch.Count == options.Delivery.BatchSize ? batch.Count : 0;
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        try
        {
            var ticket = await tickets.GetAsync(item.TicketId, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Delivery.RequestTimeout);
            var outcome = await _connectors[item.Target].DeliverAsync(item, ticket, timeout.Token);
            if (item.Operation == TicketOperations.Create && outcome.ExternalId is { } external)
                await sync.RecordMirroredAsync(item, external, outcome.Number, outcome.FollowUps ?? [], ct);
            else
                await outbox.DeliveredAsync(item.Seq, time.GetUtcNow(), ct);
            LogDelivered(logger, item.Operation, item.TicketKey, item.Target, item.Attempts + 1);
        }
        catch (Exception ex) when (ex is ConnectorException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var message = ex is ConnectorException ? ex.Message : $"{item.Target} did not answer within {options.Delivery.RequestTimeout.TotalSeconds:0} s";
            var delay = Backoff(item.Attempts, (ex as ConnectorException)?.RetryAfter);
            await outbox.FailedAsync(item.Seq, time.GetUtcNow(), message, time.GetUtcNow() + delay, ct);
            LogFailed(logger, item.Operation, item.TicketKey, item.Target, item.Attempts + 1, message, delay.TotalSeconds);
        }
    }

    /// <summary>The delay before the next attempt: the tracker's Retry-After if it sent one, else base·2^attempts (capped), ±25 %.</summary>
    internal TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero) return wait;
        var delivery = options.Delivery;
        var exponential = delivery.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 30));
        var capped = Math.Min(exponential, delivery.MaxDelay.TotalMilliseconds);
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Key}: {Operation} delivered to {Target} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string operation, string key, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Key}: {Operation} to {Target} failed (attempt {Attempt}): {Error}; next try in {DelaySeconds:0.#} s")]
    private static partial void LogFailed(ILogger logger, string operation, string key, string target, int attempt, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket delivery round failed ({ErrorType}); will retry")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
