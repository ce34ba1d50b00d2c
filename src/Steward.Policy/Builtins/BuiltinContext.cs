namespace Steward.Policy.Builtins;

/// <summary>What a built-in may use from its evaluation: one clock reading per query, cancellation and a cache.</summary>
public sealed class BuiltinContext
{
    private Dictionary<object, object>? _cache;
    private long? _now;

    /// <summary>Creates a context.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels evaluation.</param>
    public BuiltinContext(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        Time = time;
        CancellationToken = cancellationToken;
    }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The time the query started, in nanoseconds since the Unix epoch (what <c>time.now_ns</c> returns throughout one query).</summary>
    public long NowNanoseconds => _now ??= (Time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Cancels evaluation.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether a context that served an earlier query can serve the next one unchanged: same clock and token, and
    /// neither its clock reading nor its cache was used (so nothing of the earlier query is left in it).
    /// </summary>
    internal bool IsUnusedFor(TimeProvider time, CancellationToken cancellationToken) =>
        _cache is null && _now is null && ReferenceEquals(Time, time) && CancellationToken.Equals(cancellationToken);

    /// <summary>
    /// The last regular expression pattern a built-in compiled or fetched, and its compiled form: a pure function of
    /// the pattern, so it may outlive the query (the context is reused by the next query on the same evaluator).
    /// </summary>
    internal string? LastPattern { get; set; }

    /// <summary>The compiled form of <see cref="LastPattern"/>.</summary>
    internal object? LastRegex { get; set; }

    /// <summary>A cache that lives for one query (e.g. compiled regular expressions).</summary>
    public IDictionary<object, object> Cache => _cache ??= [];
}
