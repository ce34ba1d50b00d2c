using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Recording;

/// <summary>
/// Uploads decision-log events to the Steward server as OPA does: a gzip-compressed JSON array per batch,
/// <c>POST {server}/logs</c> with <c>Authorization: Bearer</c>. Network errors, 408, 429 and 5xx are retried with
/// exponential back-off; any other status drops the batch (retrying cannot fix it). The key is never logged.
/// </summary>
internal sealed class ServerDecisionLog : DecisionLogSink
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http;
    private readonly Uri _logs;
    private readonly AuthenticationHeaderValue _auth;
    private readonly int _maxAttempts;

    public ServerDecisionLog(Uri server, string apiKey, OutputPolicyOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
        : base(options.LogQueueCapacity, options.LogBatchSize, options.LogFlushInterval, time, logger)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _logs = new Uri(server.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/logs");
        _auth = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
        _maxAttempts = options.LogMaxAttempts;
    }

    /// <summary>The gzip body of a batch: a JSON array of events.</summary>
    public static byte[] Encode(IReadOnlyList<DecisionLogEvent> batch)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
        {
            writer.WriteStartArray();
            foreach (var e in batch) DecisionLogJson.Write(writer, e);
            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    protected override async Task<bool> WriteBatchAsync(IReadOnlyList<DecisionLogEvent> batch, CancellationToken cancellationToken)
    {
        var body = Encode(batch);
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _logs) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Content.Headers.ContentEncoding.Add("gzip");
                request.Headers.Authorization = _auth;
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return true;
                var status = (int)response.StatusCode;
                failure = $"the server answered {status}";
                if (!(status is 408 or 429 || status >= 500))
                {
                    Logger.LogWarning("Decision log upload of {Count} events to {Url} refused ({Status}); the batch is dropped", batch.Count, _logs, status);
                    return false;
                }
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "the upload timed out";
            }

            if (attempt >= _maxAttempts)
            {
                Logger.LogWarning("Decision log upload of {Count} events to {Url} failed {Attempts} times ({Failure}); the batch is dropped", batch.Count, _logs, attempt, failure);
                return false;
            }

            await Task.Delay(backoff, Time, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    protected override ValueTask DisposeCoreAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
