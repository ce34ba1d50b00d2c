using System.Text.Json;

namespace Steward.Ledger.Canonical;

/// <summary>
/// Checks, in one forward pass without building a DOM, that UTF-8 bytes are exactly the canonical JSON form
/// of the value they encode.
/// </summary>
internal static class CanonicalValidator
{
    private const int MaxDepth = 64;

    public static bool IsCanonical(ReadOnlySpan<byte> utf8) => IsCanonical(utf8, out _);

    /// <summary>
    /// Checks canonical form and, in the same pass, reads the top-level integer member <c>"index"</c>
    /// (null when absent or not an integer that fits in a long).
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<byte> utf8, out long? topLevelIndex)
    {
        topLevelIndex = null;
        try
        {
            return Check(utf8, ref topLevelIndex);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Check(ReadOnlySpan<byte> utf8, ref long? topLevelIndex)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        Span<bool> hasItems = stackalloc bool[MaxDepth + 2];
        Span<int> keyStart = stackalloc int[MaxDepth + 2];
        Span<int> keyLength = stackalloc int[MaxDepth + 2];
        string?[]? escapedKeys = null;
        long end = 0;
        bool afterName = false;
        bool atIndexValue = false;

        while (reader.Read())
        {
            int depth = reader.CurrentDepth;
            var token = reader.TokenType;
            bool closing = token is JsonTokenType.EndObject or JsonTokenType.EndArray;
            bool needsSeparator = !closing && (afterName || (depth > 0 && hasItems[depth]));
            if (reader.TokenStartIndex != end + (needsSeparator ? 1 : 0))
            {
                return false; // whitespace somewhere
            }

            if (!closing && !afterName && depth > 0)
            {
                hasItems[depth] = true;
            }

            afterName = false;
            if (atIndexValue)
            {
                atIndexValue = false;
                topLevelIndex = token == JsonTokenType.Number && reader.TryGetInt64(out long index) ? index : null;
            }

            int start = (int)reader.TokenStartIndex;
            var raw = reader.ValueSpan;
            switch (token)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    hasItems[depth + 1] = false;
                    keyLength[depth + 1] = -1;
                    end = start + 1;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    end = start + 1;
                    break;
                case JsonTokenType.PropertyName:
                    if (!CanonicalTokens.IsCanonicalString(raw, reader.ValueIsEscaped))
                    {
                        return false;
                    }

                    string? escaped = reader.ValueIsEscaped ? reader.GetString() : null;
                    if (keyLength[depth] >= 0)
                    {
                        var previous = utf8.Slice(keyStart[depth], keyLength[depth]);
                        if (KeyOrder.Compare(previous, escapedKeys?[depth], raw, escaped) >= 0)
                        {
                            return false; // out of order or duplicate
                        }
                    }

                    if (escaped is not null || escapedKeys is not null)
                    {
                        escapedKeys ??= new string?[MaxDepth + 2];
                        escapedKeys[depth] = escaped;
                    }

                    atIndexValue = depth == 1 && !reader.ValueIsEscaped && raw.SequenceEqual("index"u8);
                    keyStart[depth] = start + 1;
                    keyLength[depth] = raw.Length;
                    end = start + raw.Length + 2;
                    afterName = true;
                    break;
                case JsonTokenType.String:
                    if (!CanonicalTokens.IsCanonicalString(raw, reader.ValueIsEscaped))
                    {
                        return false;
                    }

                    end = start + raw.Length + 2;
                    break;
                case JsonTokenType.Number:
                    if (!CanonicalTokens.IsCanonicalNumber(raw))
                    {
                        return false;
                    }

                    end = start + raw.Length;
                    break;
                default: // true, false, null
                    end = start + raw.Length;
                    break;
            }
        }

        return end == utf8.Length && end > 0;
    }
}
