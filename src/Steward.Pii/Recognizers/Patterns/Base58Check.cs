using System.Security.Cryptography;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>Bitcoin's base58check: decodes a legacy (P2PKH/P2SH) address and verifies its double-SHA-256 checksum.</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>True for a well-formed address whose 4-byte checksum matches and whose version is 0x00 or 0x05.</summary>
    public static bool IsValidAddress(ReadOnlySpan<char> address)
    {
        if (address.Length is < 26 or > 35) return false;
        Span<byte> bytes = stackalloc byte[25];
        bytes.Clear();
        foreach (var c in address)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return false;
            var carry = digit;
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                carry += 58 * bytes[i];
                bytes[i] = (byte)carry;
                carry >>= 8;
            }
            if (carry != 0) return false; // longer than 25 bytes
        }
        // Leading '1's encode leading zero bytes; the decoded value must account for exactly those.
        var leadingOnes = 0;
        while (leadingOnes < address.Length && address[leadingOnes] == '1') leadingOnes++;
        var leadingZeros = 0;
        while (leadingZeros < bytes.Length && bytes[leadingZeros] == 0) leadingZeros++;
        if (leadingOnes != leadingZeros) return false;
        if (bytes[0] is not (0x00 or 0x05)) return false;
        Span<byte> first = stackalloc byte[32];
        Span<byte> second = stackalloc byte[32];
        SHA256.HashData(bytes[..21], first);
        SHA256.HashData(first, second);
        return second[..4].SequenceEqual(bytes[21..]);
    }
}
