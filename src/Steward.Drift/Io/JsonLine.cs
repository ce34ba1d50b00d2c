using System.Text.Json;

namespace Steward.Drift.Io;

/// <summary>One line of a JSON Lines file, parsed and checked to be an object; errors name the file and line.</summary>
internal static class JsonLine
{
    /// <summary>The line's document (the caller disposes it); a <see cref="DriftException"/> when it is not a JSON object.</summary>
    public static JsonDocument ParseObject(string line, string path, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new DriftException($"{path} line {lineNumber}: invalid JSON ({e.Message.Split('.')[0]})", e);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new DriftException($"{path} line {lineNumber}: expected a JSON object");
    }
}
