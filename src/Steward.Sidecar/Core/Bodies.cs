using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Steward.Policy.Values;

namespace Steward.Sidecar.Core;

/// <summary>Reading bodies within a size limit and turning them into what a policy sees.</summary>
internal static class Bodies
{
    /// <summary>JSON is <c>application/json</c>, <c>text/json</c> or any <c>+json</c> type; a body without a content type is tried as JSON.</summary>
    public static bool MaybeJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return true;
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsText(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    /// <summary>The parsed JSON body, or null when it is empty, not JSON by its content type, or malformed.</summary>
    public static Value? Json(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.IsEmpty || !MaybeJson(contentType)) return null;
        try
        {
            return ValueJson.Parse(body, maxDepth: 128);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A request body as a policy sees it: parsed JSON, text for text types, otherwise null.</summary>
    public static Value RequestBody(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.IsEmpty) return NullValue.Instance;
        if (Json(body, contentType) is { } json) return json;
        if (IsText(contentType))
        {
            try
            {
                return new StringValue(new UTF8Encoding(false, true).GetString(body));
            }
            catch (DecoderFallbackException)
            {
            }
        }

        return NullValue.Instance;
    }

    /// <summary>
    /// Reads a stream to its end; null when it holds more than <paramref name="limit"/> bytes. With the declared length
    /// (Content-Length) the body is read straight into an array of that size, with no growing buffer and no copy;
    /// a stream that turns out longer or shorter than declared is read the general way from where it stands.
    /// </summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream stream, long limit, CancellationToken cancellationToken, long? declaredLength = null)
    {
        ArrayBufferWriter<byte> buffer;
        if (declaredLength is > 0 and <= 1 << 20 && declaredLength <= limit)
        {
            var exact = new byte[declaredLength.Value];
            var filled = 0;
            while (filled < exact.Length)
            {
                var n = await stream.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0) return exact.AsSpan(0, filled).ToArray();
                filled += n;
            }

            var probe = new byte[1];
            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) return exact;
            buffer = new ArrayBufferWriter<byte>(exact.Length + 8192);
            buffer.Write(exact);
            buffer.Write(probe);
            if (buffer.WrittenCount > limit) return null;
        }
        else
        {
            // Only here: the exact-length path above allocates no growing buffer at all.
            buffer = new ArrayBufferWriter<byte>(4096);
        }

        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0) return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }

    /// <summary>
    /// The body as the policy should read it: decoded when the upstream compressed it (gzip, deflate, br). Null when the
    /// encoding is unknown, the data is corrupt, or the decoded body is larger than the limit.
    /// </summary>
    public static byte[]? Decoded(byte[] body, string? contentEncoding, long limit)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding) || contentEncoding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))
            return body;
        using var input = new MemoryStream(body);
        using Stream? decoder = contentEncoding.Trim().ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null) return null;
        try
        {
            using var output = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = decoder.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > limit) return null;
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
