using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Recording;

/// <summary>
/// Keeps the running count of consecutive violations per endpoint (a denied response adds one, an allowed response
/// resets it) and records every denial and a sample of allows to the decision-log sinks, without blocking.
/// </summary>
internal sealed class DecisionRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _consecutive = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<DecisionLogSink> _sinks;
    private readonly string _source;
    private readonly double _sampleAllows;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly DecisionLogSink? _monitor;
    private readonly double _monitorSample;
    private long _recorded;

    public DecisionRecorder(string source, double sampleAllows, IReadOnlyList<DecisionLogSink> sinks, TimeProvider time, Func<double>? random = null,
        DecisionLogSink? monitor = null, double monitorSample = 1)
    {
        _monitor = monitor;
        _monitorSample = monitorSample;
        _source = source;
        _sampleAllows = sampleAllows;
        _sinks = sinks;
        _time = time;
        _random = random ?? Random.Shared.NextDouble;
    }

    public IReadOnlyList<DecisionLogSink> Sinks => _monitor is null ? _sinks : [.. _sinks, _monitor];

    /// <summary>A recorder with the sinks the options ask for (server upload, JSON-lines file).</summary>
    public static DecisionRecorder Create(OutputPolicyOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        List<DecisionLogSink> sinks = [];
        if (options.Server is not null)
            sinks.Add(new ServerDecisionLog(options.Server, options.ApiKey!, options, time, loggers.CreateLogger<ServerDecisionLog>()));
        if (options.DecisionLogFile is not null)
            sinks.Add(new JsonLinesDecisionLog(options.DecisionLogFile, options, time, loggers.CreateLogger<JsonLinesDecisionLog>()));
        var monitor = options.MonitorId is null ? null
            : new MonitorBatchLog(options.Server!, options.ApiKey!, options.MonitorId, options, time, loggers.CreateLogger<MonitorBatchLog>());
        return new DecisionRecorder(options.Source, options.SampleAllows, sinks, time, monitor: monitor, monitorSample: options.MonitorSample);
    }

    /// <summary>Decisions handed to the sinks.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    public long ConsecutiveViolations(string endpoint) =>
        _consecutive.TryGetValue(endpoint, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Counts a decision and records it when it is a denial or sampled.</summary>
    /// <param name="endpoint">The endpoint whose count changes.</param>
    /// <param name="phase"><c>request</c> or <c>response</c>; an allowed request does not reset the count (its response is still to come).</param>
    /// <param name="decision">The decision.</param>
    /// <param name="input">The input decided.</param>
    /// <returns>The consecutive violations of the endpoint after this decision.</returns>
    public long Observe(string endpoint, string phase, PolicyDecision decision, Value input)
    {
        var box = _consecutive.GetOrAdd(endpoint, static _ => new StrongBox<long>());
        long consecutive;
        if (!decision.Allowed)
            consecutive = Interlocked.Increment(ref box.Value);
        else if (phase == "response")
        {
            Interlocked.Exchange(ref box.Value, 0);
            consecutive = 0;
        }
        else
            consecutive = Interlocked.Read(ref box.Value);

        if (_sinks.Count > 0 && (!decision.Allowed || (_sampleAllows > 0 && _random() < _sampleAllows)))
        {
            var e = new DecisionLogEvent(_source, endpoint, phase, decision, input, _time.GetUtcNow(), consecutive);
            Interlocked.Increment(ref _recorded);
            foreach (var sink in _sinks) sink.TryEnqueue(e);
        }

        // A monitor samples traffic, not decisions: every phase-response input (request and prediction) is a candidate row.
        if (_monitor is not null && phase == "response" && _monitorSample > 0 && (_monitorSample >= 1 || _random() < _monitorSample))
            _monitor.TryEnqueue(new DecisionLogEvent(_source, endpoint, phase, decision, input, _time.GetUtcNow(), consecutive));

        return consecutive;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks) await sink.DisposeAsync().ConfigureAwait(false);
        if (_monitor is not null) await _monitor.DisposeAsync().ConfigureAwait(false);
    }
}
