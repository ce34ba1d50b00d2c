using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Recording;

/// <summary>
/// A bounded queue drained in batches by one background loop. <see cref="TryEnqueue"/> never blocks: when the queue
/// is full the event is dropped and counted. Disposal sends what is queued (within a few seconds) and stops.
/// </summary>
internal abstract class DecisionLogSink : IAsyncDisposable
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);
    private readonly Channel<DecisionLogEvent> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _batchSize;
    private readonly TimeSpan _flushInterval;
    private long _dropped;
    private long _written;

    protected DecisionLogSink(int capacity, int batchSize, TimeSpan flushInterval, TimeProvider time, ILogger logger)
    {
        _queue = Channel.CreateBounded<DecisionLogEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _batchSize = batchSize;
        _flushInterval = flushInterval;
        Time = time;
        Logger = logger;
        _loop = Task.Run(RunAsync);
    }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>Events dropped because the queue was full or their batch failed every attempt.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events written (uploaded or appended).</summary>
    public long Written => Interlocked.Read(ref _written);

    public bool TryEnqueue(DecisionLogEvent e)
    {
        if (_queue.Writer.TryWrite(e)) return true;
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Writes one batch; returns false when it was given up (the events are then counted as dropped).</summary>
    protected abstract Task<bool> WriteBatchAsync(IReadOnlyList<DecisionLogEvent> batch, CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _stop.CancelAfter(DrainLimit);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<DecisionLogEvent>(_batchSize);
        while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            batch.Clear();
            var started = Time.GetTimestamp();
            while (batch.Count < _batchSize)
            {
                if (reader.TryRead(out var e))
                {
                    batch.Add(e);
                    continue;
                }

                var remaining = _flushInterval - Time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero || reader.Completion.IsCompleted) break;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                wait.CancelAfter(remaining);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false)) break;
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    break;
                }
            }

            if (batch.Count == 0) continue;
            bool written;
            try
            {
                written = await WriteBatchAsync(batch, _stop.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing sink must never stop recording; the batch is counted as dropped.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Logger.LogWarning("Decision log batch of {Count} events failed: {Error}", batch.Count, ex.Message);
                written = false;
            }

            Interlocked.Add(ref written ? ref _written : ref _dropped, batch.Count);

            // With inline I/O an upload's completion resumes here on a socket thread: gather and compress the next batch
            // on the thread pool instead, so that requests on that thread do not wait behind it.
            await Task.Yield();
        }
    }
}
