using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Recording;

/// <summary>Appends each event as one JSON line to a local file (flushed after every batch).</summary>
internal sealed class JsonLinesDecisionLog : DecisionLogSink
{
    private readonly FileStream _file;

    public JsonLinesDecisionLog(string path, OutputPolicyOptions options, TimeProvider time, ILogger logger)
        : base(options.LogQueueCapacity, options.LogBatchSize, options.LogFlushInterval, time, logger)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
    }

    protected override async Task<bool> WriteBatchAsync(IReadOnlyList<DecisionLogEvent> batch, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        foreach (var e in batch)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                DecisionLogJson.Write(writer, e);
            }

            buffer.WriteByte((byte)'\n');
        }

        await _file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    protected override async ValueTask DisposeCoreAsync() => await _file.DisposeAsync().ConfigureAwait(false);
}
