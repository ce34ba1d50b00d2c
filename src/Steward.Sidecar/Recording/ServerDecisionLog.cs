using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Recording;

/// <summary>
/// Uploads decision-log events to the Steward server as OPA does: a gzip-compressed JSON array per batch,
/// <c>POST {server}/logs</c> with <c>Authorization: Bearer</c>; retries as <see cref="ServerUploadSink"/> says.
/// </summary>
internal sealed class ServerDecisionLog : ServerUploadSink
{
    public ServerDecisionLog(Uri server, string apiKey, OutputPolicyOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
        : base(server, "/logs", "Decision log upload", apiKey, options, time, logger, handler)
    {
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

    protected override byte[] EncodeBatch(IReadOnlyList<DecisionLogEvent> batch) => Encode(batch);

    protected override HttpContent Body(byte[] encoded)
    {
        var content = new ByteArrayContent(encoded);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
