using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Server.Problems;

namespace Steward.Server.Policies;

/// <summary>Reads the <c>input</c> of an OPA data request: a body <c>{"input": ...}</c> or the <c>?input=</c> query parameter.</summary>
internal static class OpaInput
{
    /// <summary>The input from a POST body; null when the body is empty or has no <c>input</c>. Anything invalid or too large is a 400.</summary>
    public static async Task<(bool Present, JsonNode? Input)> FromBodyAsync(HttpRequest request, PolicyOptions options)
    {
        var bytes = await ReadAsync(request, options.MaxInputBytes);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return (false, null);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes, null, new JsonDocumentOptions { MaxDepth = options.MaxInputDepth + 1 });
        }
        catch (JsonException e)
        {
            throw new OpaException(400, OpaCodes.InvalidParameter, $"body contains malformed input document: {Where(e)}");
        }
        if (body is not JsonObject obj)
            throw new OpaException(400, OpaCodes.InvalidParameter, "body must be a JSON object: {\"input\": ...}");
        foreach (var (name, _) in obj)
        {
            if (name != "input") throw new OpaException(400, OpaCodes.InvalidParameter, $"body has an unknown field '{name}' (only 'input' is accepted)");
        }
        return obj.TryGetPropertyValue("input", out var input) ? (true, input?.DeepClone()) : (false, null);
    }

    /// <summary>The input from <c>?input=</c> (JSON); null when absent.</summary>
    public static (bool Present, JsonNode? Input) FromQuery(HttpRequest request, PolicyOptions options)
    {
        if (!request.Query.TryGetValue("input", out var values)) return (false, null);
        if (values.Count != 1) throw new OpaException(400, OpaCodes.InvalidParameter, "input must be given once");
        var text = values[0] ?? "";
        if (Encoding.UTF8.GetByteCount(text) > options.MaxInputBytes)
            throw new OpaException(400, OpaCodes.InvalidParameter, $"input exceeds {options.MaxInputBytes} bytes (Policy:MaxInputBytes)");
        try
        {
            return (true, JsonNode.Parse(text, null, new JsonDocumentOptions { MaxDepth = options.MaxInputDepth }));
        }
        catch (JsonException e)
        {
            throw new OpaException(400, OpaCodes.InvalidParameter, $"input parameter is not JSON: {Where(e)}");
        }
    }

    /// <summary>The body, at most <paramref name="limit"/> bytes; a larger one (or one over the server's limit) is a 400.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit)
    {
        using var buffer = await BoundedBody.ReadAsync(request, limit, () => TooLarge(limit));
        return buffer.ToArray();
    }

    private static OpaException TooLarge(int limit) =>
        new(400, OpaCodes.InvalidParameter, $"request body exceeds the limit ({limit} bytes, Policy:MaxInputBytes or Server:MaxRequestBodyBytes)");

    private static string Where(JsonException e) =>
        e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "not a JSON value";
}
