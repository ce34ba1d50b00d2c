using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>
/// The webhook's fallback: every <see cref="JiraOptions.PollInterval"/> reads the Jira status of each open mirrored
/// ticket (<c>GET /rest/api/3/issue/{key}?fields=status</c>) and records any change like the webhook does.
/// </summary>
internal sealed partial class JiraStatusPoller(JiraConnector jira, TicketOutboxStore outbox, TicketSyncStore sync, TicketsOptions options,
    TimeProvider time, ILogger<JiraStatusPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Jira.PollInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Jira.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await PollOnceAsync(stoppingToken);
    }

    /// <summary>Polls every open mirrored ticket once; returns how many changed.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var changed = 0;
        try
        {
            foreach (var (_, key) in await outbox.JiraKeysToPollAsync(500, ct))
            {
                try
                {
                    var (name, category) = await jira.GetStatusAsync(key, ct);
                    var before = await sync.ApplyJiraStatusAsync(key, name, category, ct);
                    if (before is not null) changed++;
                }
                catch (ConnectorException ex)
                {
                    LogPollFailed(logger, key, ex.Message);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPollFailed(logger, "*", ex.GetType().Name);
        }
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the Jira status of {Key} failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string key, string error);
}
