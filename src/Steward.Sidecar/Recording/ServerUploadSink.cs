using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Recording;

/// <summary>
/// A decision-log sink that posts each batch to one URL on the Steward server with the bearer key. Network errors,
/// 408, 429 and 5xx are retried with exponential back-off up to the configured attempts; any other status drops the
/// batch (retrying cannot fix it). The key is never logged. Subclasses choose the URL, the body and its headers.
/// </summary>
internal abstract class ServerUploadSink : DecisionLogSink
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly AuthenticationHeaderValue _auth;
    private readonly int _maxAttempts;
    private readonly string _what;

    /// <summary>A sink posting to <paramref name="path"/> under <paramref name="server"/>; <paramref name="what"/> names a batch in warnings.</summary>
    protected ServerUploadSink(Uri server, string path, string what, string apiKey, OutputPolicyOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler)
        : base(options.LogQueueCapacity, options.LogBatchSize, options.LogFlushInterval, time, logger)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _url = new Uri(server.GetLeftPart(UriPartial.Path).TrimEnd('/') + path);
        _auth = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
        _maxAttempts = options.LogMaxAttempts;
        _what = what;
    }

    /// <summary>The request body of a batch, with its content headers.</summary>
    protected abstract HttpContent Body(byte[] encoded);

    /// <summary>The bytes sent for a batch (encoded once, reused by retries).</summary>
    protected abstract byte[] EncodeBatch(IReadOnlyList<DecisionLogEvent> batch);

    protected sealed override async Task<bool> WriteBatchAsync(IReadOnlyList<DecisionLogEvent> batch, CancellationToken cancellationToken)
    {
        var body = EncodeBatch(batch);
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = Body(body) };
                request.Headers.Authorization = _auth;
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return true;
                var status = (int)response.StatusCode;
                failure = $"the server answered {status}";
                if (!(status is 408 or 429 || status >= 500))
                {
                    Logger.LogWarning("{What} of {Count} events to {Url} refused ({Status}); the batch is dropped", _what, batch.Count, _url, status);
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
                Logger.LogWarning("{What} of {Count} events to {Url} failed {Attempts} times ({Failure}); the batch is dropped", _what, batch.Count, _url, attempt, failure);
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
