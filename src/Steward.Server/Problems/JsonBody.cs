using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;

namespace Steward.Server.Problems;

/// <summary>
/// Reads JSON request bodies strictly (unknown fields rejected, one top-level value, UTF-8) and turns every
/// failure into a validation problem that says where the JSON went wrong.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, GovernanceJson.Options)
                ?? throw new ValidationFailedException("body", "must be a JSON object, not null");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        try
        {
            return JsonNode.Parse(bytes, null, new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw new ValidationFailedException("body", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.Contains("+json", StringComparison.OrdinalIgnoreCase))
            throw new ValidationFailedException("content-type", "must be application/json");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0) throw new ValidationFailedException("body", "is required (a JSON object)");
        return buffer.ToArray();
    }

    private static ValidationFailedException Invalid(JsonException ex)
    {
        var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return new ValidationFailedException(field, "is not a known field");
        // The serializer's message names .NET types; keep only the position information.
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        return new ValidationFailedException(field, $"malformed JSON or a value of the wrong type{where}");
    }
}
