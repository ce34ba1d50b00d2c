using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Ledger.Canonical;

/// <summary>
/// RFC 8785 (JCS) canonical JSON: members sorted by the UTF-16 code units of their names, no whitespace, minimal
/// string escapes, numbers in ECMAScript shortest form. Equal values give equal bytes, so hashes agree everywhere.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Serializes a JSON node in canonical form.</summary>
    /// <param name="node">The value; null is written as <c>null</c>.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="JsonException">When the value has no canonical form (duplicate member names, lone surrogates, non-finite numbers).</exception>
    public static byte[] Serialize(JsonNode? node)
    {
        var output = new ArrayBufferWriter<byte>(256);
        new CanonicalWriter(output).Write(node);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes a JSON node in canonical form to <paramref name="output"/> (no intermediate copy).</summary>
    /// <param name="node">The value; null is written as <c>null</c>.</param>
    /// <param name="output">Where the canonical UTF-8 bytes go.</param>
    /// <exception cref="JsonException">When the value has no canonical form.</exception>
    public static void Serialize(JsonNode? node, IBufferWriter<byte> output) => new CanonicalWriter(output).Write(node);

    /// <summary>Serializes a JSON element in canonical form.</summary>
    /// <param name="element">The value.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="JsonException">When the value has no canonical form (duplicate member names, lone surrogates, out-of-range numbers).</exception>
    public static byte[] Serialize(JsonElement element)
    {
        var output = new ArrayBufferWriter<byte>(256);
        new CanonicalWriter(output).Write(element);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Tells whether <paramref name="utf8"/> is valid JSON in exactly its canonical form, so that
    /// <c>Serialize(Parse(utf8))</c> would give the same bytes. Runs in one pass without building a DOM.
    /// </summary>
    /// <param name="utf8">The bytes to check.</param>
    /// <returns>True when the bytes are canonical JSON.</returns>
    public static bool IsCanonical(ReadOnlySpan<byte> utf8) => CanonicalValidator.IsCanonical(utf8);
}
