namespace Steward.Server.Tickets;

/// <summary>
/// An outside call failed. The message is safe to store and show: it names the tracker, the status and the
/// tracker's own error text, never a credential. <see cref="RetryAfter"/> carries a 429/503 answer's Retry-After.
/// </summary>
public sealed class ConnectorException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the tracker asked us to wait, if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
