using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Ledger.Notes;

/// <summary>Shared rules of the signed-note format: key names, key IDs and strict base64.</summary>
internal static class NoteFormat
{
    public const byte AlgorithmEd25519 = 0x01;
    public const byte AlgorithmCosignatureV1 = 0x04;
    public const int MaxSignatures = 100;

    public static ReadOnlySpan<byte> SignaturePrefix => "\u2014 "u8;

    /// <summary>A key name is non-empty, has no Unicode white space and no '+'.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || name.Contains('+', StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out int used) != System.Buffers.OperationStatus.Done || Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            i += used - 1;
        }

        return true;
    }

    /// <summary>Note text: no control characters but newline, and well-formed UTF-16 (so it encodes to valid UTF-8).</summary>
    public static bool IsValidText(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20 && c != '\n')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SHA-256(name || '\n' || type || public key)[:4], big-endian.</summary>
    public static uint KeyId(string name, ReadOnlySpan<byte> typeAndKey)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] input = new byte[nameBytes.Length + 1 + typeAndKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        typeAndKey.CopyTo(input.AsSpan(nameBytes.Length + 1));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    public static string FormatKeyId(uint keyId) => keyId.ToString("x8", CultureInfo.InvariantCulture);

    public static string KeyLabel(string name, uint keyId) => name + "+" + FormatKeyId(keyId);

    /// <summary>Parses exactly eight hex digits, as Go's strconv.ParseUint(s, 16, 32) with a length check.</summary>
    public static bool TryParseKeyId(string text, out uint keyId)
    {
        keyId = 0;
        return text.Length == 8 && !text.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF")
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out keyId);
    }

    /// <summary>
    /// Standard base64 with padding and nothing else (no white space, unlike <see cref="Convert.FromBase64String(string)"/>).
    /// </summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var body = text.TrimEnd('=');
        if (text.Length - body.Length > 2 || body.ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
        {
            return false;
        }

        byte[] buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out int written))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Splits at the first occurrence of <paramref name="separator"/>, like Go's chop helper.</summary>
    public static (string Before, string After) Chop(string text, char separator)
    {
        int i = text.IndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? (text, string.Empty) : (text[..i], text[(i + 1)..]);
    }
}
