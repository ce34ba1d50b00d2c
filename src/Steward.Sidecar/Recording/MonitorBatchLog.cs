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
/// row). Retries as <see cref="ServerUploadSink"/> says; never blocks a request.
/// </summary>
internal sealed class MonitorBatchLog : ServerUploadSink
{
    public MonitorBatchLog(Uri server, string apiKey, string monitorId, OutputPolicyOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
        : base(server, "/api/v1/monitors/" + Uri.EscapeDataString(monitorId) + "/batches", "Monitor batch", apiKey, options, time, logger, handler)
    {
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

    protected override byte[] EncodeBatch(IReadOnlyList<DecisionLogEvent> batch) => Encode(batch);

    protected override HttpContent Body(byte[] encoded)
    {
        var content = new ByteArrayContent(encoded);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}
