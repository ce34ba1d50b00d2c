using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Steward.Ledger.Canonical;

/// <summary>Checks that the raw text of one JSON string or number token is already in canonical form.</summary>
internal static class CanonicalTokens
{
    public static bool IsCanonicalString(ReadOnlySpan<byte> raw, bool escaped)
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

    public static bool IsCanonicalNumber(ReadOnlySpan<byte> raw)
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
