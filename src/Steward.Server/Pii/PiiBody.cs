using System.Text.Json;
using Steward.Server.Problems;

namespace Steward.Server.Pii;

/// <summary>Reads a PII request body: JSON, at most the configured size, an object at the top.</summary>
internal static class PiiBody
{
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.Contains("+json", StringComparison.OrdinalIgnoreCase))
            throw new PiiHttpException(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json");
        using var buffer = await BoundedBody.ReadAsync(request, limit, () => TooLarge(limit));
        if (buffer.Length == 0) throw new PiiHttpException("Invalid request json: the body is empty (a JSON object is expected)");
        // JsonDocument checks strings' UTF-8 only when they are read; refuse bad bytes before any field is.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            throw new PiiHttpException("Invalid request json: the body is not valid UTF-8");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new PiiHttpException($"Invalid request json: malformed JSON{where}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new PiiHttpException("Invalid request json: the body must be a JSON object");
        }
        return document;
    }

    private static PiiHttpException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body exceeds the limit of {limit} bytes (Pii:MaxRequestBytes or Server:MaxRequestBodyBytes)");
}
