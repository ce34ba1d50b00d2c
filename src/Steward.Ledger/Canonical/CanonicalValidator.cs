using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

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
                    if (!IsCanonicalString(raw, reader.ValueIsEscaped))
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
                    if (!IsCanonicalString(raw, reader.ValueIsEscaped))
                    {
                        return false;
                    }

                    end = start + raw.Length + 2;
                    break;
                case JsonTokenType.Number:
                    if (!IsCanonicalNumber(raw))
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

    private static bool IsCanonicalString(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        if (!escaped)
        {
            return true;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            byte next = raw[++i];
            if (next is (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                continue;
            }

            // Only \u00xx (lowercase hex) for control characters without a short form.
            if (next != (byte)'u' || raw[i + 1] != (byte)'0' || raw[i + 2] != (byte)'0' || !IsLowerHex(raw[i + 3]) || !IsLowerHex(raw[i + 4]))
            {
                return false;
            }

            int value = (HexValue(raw[i + 3]) << 4) | HexValue(raw[i + 4]);
            if (value >= 0x20 || value is 0x08 or 0x09 or 0x0a or 0x0c or 0x0d)
            {
                return false;
            }

            i += 4;
        }

        return true;
    }

    private static bool IsCanonicalNumber(ReadOnlySpan<byte> raw)
    {
        // Fast path: short integers are canonical exactly when they have no leading zero and are not -0.
        var digits = raw[0] == (byte)'-' ? raw[1..] : raw;
        if (digits.Length is > 0 and <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return digits[0] != (byte)'0' || (digits.Length == 1 && raw.Length == 1);
        }

        double value = double.Parse(Encoding.ASCII.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            return false;
        }

        Span<char> text = stackalloc char[CanonicalNumber.MaxLength];
        int length = CanonicalNumber.Format(value, text);
        if (length != raw.Length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (text[i] != raw[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : b - 'a' + 10;
}
