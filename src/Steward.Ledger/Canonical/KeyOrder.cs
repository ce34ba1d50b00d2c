using System.Text;

namespace Steward.Ledger.Canonical;

/// <summary>Compares object member names by their UTF-16 code units, as RFC 8785 §3.2.3 requires.</summary>
internal static class KeyOrder
{
    /// <summary>
    /// Compares two raw (still escaped) JSON string contents. <paramref name="leftText"/> / <paramref name="rightText"/>
    /// carry the decoded text when the raw form holds escapes; otherwise they are null and the UTF-8 bytes are compared.
    /// </summary>
    public static int Compare(ReadOnlySpan<byte> left, string? leftText, ReadOnlySpan<byte> right, string? rightText)
    {
        if (leftText is not null || rightText is not null)
        {
            return string.CompareOrdinal(leftText ?? Encoding.UTF8.GetString(left), rightText ?? Encoding.UTF8.GetString(right));
        }

        int common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        // Back up to the start of the code point that differs; the prefix is identical, so both start there.
        while (common > 0 && (left[common] & 0xC0) == 0x80)
        {
            common--;
        }

        Rune.DecodeFromUtf8(left[common..], out var a, out _);
        Rune.DecodeFromUtf8(right[common..], out var b, out _);
        return Utf16Key(a.Value).CompareTo(Utf16Key(b.Value));
    }

    // UTF-16 order equals code point order except that supplementary characters (surrogate pairs, 0xD800..)
    // sort before U+E000..U+FFFF.
    private static int Utf16Key(int codePoint) => codePoint is >= 0xE000 and <= 0xFFFF ? codePoint + 0x200000 : codePoint;
}
