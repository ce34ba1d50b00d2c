using System.Globalization;
using System.Text.Json;

namespace Steward.Ledger.Canonical;

/// <summary>Formats doubles as ECMAScript <c>Number.prototype.toString</c> does (RFC 8785 §3.2.2.3).</summary>
internal static class CanonicalNumber
{
    private const double MaxExactInteger = 9007199254740992d; // 2^53

    /// <summary>Largest number of characters <see cref="Format"/> writes.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes the canonical form of <paramref name="value"/>; returns the number of characters written.</summary>
    public static int Format(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException("NaN and infinite numbers have no canonical JSON form.");
        }

        if (value == 0)
        {
            destination[0] = '0'; // also for -0
            return 1;
        }

        if (Math.Abs(value) < MaxExactInteger && Math.Floor(value) == value)
        {
            ((long)value).TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        Span<char> shortest = stackalloc char[MaxLength];
        value.TryFormat(shortest, out int length, "R", CultureInfo.InvariantCulture);
        return Layout(shortest[..length], destination);
    }

    // Turns .NET's shortest round-trip text ("-1.2345E-07", "123.45") into ECMAScript layout.
    private static int Layout(ReadOnlySpan<char> text, Span<char> destination)
    {
        int pos = 0;
        if (text[0] == '-')
        {
            destination[pos++] = '-';
            text = text[1..];
        }

        int e = text.IndexOfAny('E', 'e');
        int exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        int dot = mantissa.IndexOf('.');
        int integerDigits = dot < 0 ? mantissa.Length : dot;

        Span<char> digits = stackalloc char[MaxLength];
        int k = 0;
        foreach (char c in mantissa)
        {
            if (c != '.')
            {
                digits[k++] = c;
            }
        }

        // value = 0.digits * 10^n
        int n = integerDigits + exponent;
        int lead = 0;
        while (lead < k - 1 && digits[lead] == '0')
        {
            lead++;
            n--;
        }

        var s = digits[lead..k].TrimEnd('0');
        k = s.Length;

        if (k <= n && n <= 21)
        {
            s.CopyTo(destination[pos..]);
            pos += k;
            destination.Slice(pos, n - k).Fill('0');
            return pos + n - k;
        }

        if (0 < n && n <= 21)
        {
            s[..n].CopyTo(destination[pos..]);
            pos += n;
            destination[pos++] = '.';
            s[n..].CopyTo(destination[pos..]);
            return pos + k - n;
        }

        if (-6 < n && n <= 0)
        {
            destination[pos++] = '0';
            destination[pos++] = '.';
            destination.Slice(pos, -n).Fill('0');
            pos += -n;
            s.CopyTo(destination[pos..]);
            return pos + k;
        }

        destination[pos++] = s[0];
        if (k > 1)
        {
            destination[pos++] = '.';
            s[1..].CopyTo(destination[pos..]);
            pos += k - 1;
        }

        destination[pos++] = 'e';
        destination[pos++] = n - 1 < 0 ? '-' : '+';
        Math.Abs(n - 1).TryFormat(destination[pos..], out int written, default, CultureInfo.InvariantCulture);
        return pos + written;
    }
}
