using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Steward.Policy.Values;

namespace Steward.Sidecar.Recording;

/// <summary>
/// Sends sampled traffic to a Steward drift monitor: per batch of events one JSON Lines body, a line per response
/// (<c>{"request": the request body, "prediction": the parsed response}</c>), posted to
/// <c>POST {server}/api/v1/monitors/{id}/batches</c> with the bearer key. The monitor reads nested objects as dotted
/// columns (<c>request.age</c>, <c>prediction.label</c>); arrays are left out (a batch column holds one value per
/// row). Network errors, 408, 429 and 5xx are retried with back-off; other answers drop the batch. Never blocks a request.
/// </summary>
internal sealed class MonitorBatchLog : DecisionLogSink
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http;
    private readonly Uri _batches;
    private readonly AuthenticationHeaderValue _auth;
    private readonly int _maxAttempts;

    public MonitorBatchLog(Uri server, string apiKey, string monitorId, OutputPolicyOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
        : base(options.LogQueueCapacity, options.LogBatchSize, options.LogFlushInterval, time, logger)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        _batches = new Uri(server.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/api/v1/monitors/" + Uri.EscapeDataString(monitorId) + "/batches");
        _auth = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
        _maxAttempts = options.LogMaxAttempts;
    }

    /// <summary>The JSON Lines body of a batch.</summary>
    public static byte[] Encode(IReadOnlyList<DecisionLogEvent> batch)
    {
        using var buffer = new MemoryStream();
        foreach (var e in batch)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                var input = e.Input as ObjectValue;
                writer.WritePropertyName("request");
                WithoutArrays(writer, (input?.Get("request") as ObjectValue)?.Get("body") ?? NullValue.Instance);
                writer.WritePropertyName("prediction");
                WithoutArrays(writer, input?.Get("prediction") ?? NullValue.Instance);
                writer.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
        }
        return buffer.ToArray();
    }

    // Objects and scalars as JSON; array members (and sets) are dropped, an array at the top becomes null.
    private static void WithoutArrays(Utf8JsonWriter writer, Value value)
    {
        if (value is ObjectValue o)
        {
            writer.WriteStartObject();
            var keys = o.Keys;
            var values = o.Values;
            for (var i = 0; i < keys.Length; i++)
            {
                if (values[i] is ArrayValue or SetValue || keys[i] is not StringValue key) continue;
                writer.WritePropertyName(key.Value);
                WithoutArrays(writer, values[i]);
            }
            writer.WriteEndObject();
        }
        else if (value is ArrayValue or SetValue) writer.WriteNullValue();
        else ValueJson.Write(writer, value);
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
                using var request = new HttpRequestMessage(HttpMethod.Post, _batches) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                request.Headers.Authorization = _auth;
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return true;
                var status = (int)response.StatusCode;
                failure = $"the server answered {status}";
                if (!(status is 408 or 429 || status >= 500))
                {
                    Logger.LogWarning("Monitor batch of {Count} rows to {Url} refused ({Status}); the batch is dropped", batch.Count, _batches, status);
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
                Logger.LogWarning("Monitor batch of {Count} rows to {Url} failed {Attempts} times ({Failure}); the batch is dropped", batch.Count, _batches, attempt, failure);
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
