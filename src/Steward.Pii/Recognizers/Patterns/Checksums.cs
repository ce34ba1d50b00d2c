namespace Steward.Pii.Recognizers.Patterns;

/// <summary>The check-digit algorithms of the numeric identifiers (each takes the value's significant characters).</summary>
internal static class Checksums
{
    /// <summary>Luhn (mod 10) over ASCII digits; non-digits are skipped.</summary>
    public static bool Luhn(ReadOnlySpan<char> value)
    {
        int sum = 0, count = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            if (!char.IsAsciiDigit(c)) continue;
            var d = c - '0';
            if ((count & 1) == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            count++;
        }
        return count > 0 && sum % 10 == 0;
    }

    /// <summary>ISO 13616 mod-97 over a compact IBAN (letters and digits only, upper case).</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5) return false;
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    /// <summary>The NHS number check: weights 10..2 over the first nine digits, mod 11, against the tenth.</summary>
    public static bool NhsMod11(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (tenDigits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == tenDigits[9] - '0';
    }

    /// <summary>The DEA registration check: (d1+d3+d5) + 2(d2+d4+d6), last digit equals the seventh digit.</summary>
    public static bool Dea(ReadOnlySpan<char> sevenDigits)
    {
        if (sevenDigits.Length != 7) return false;
        var odd = sevenDigits[0] - '0' + sevenDigits[2] - '0' + sevenDigits[4] - '0';
        var even = sevenDigits[1] - '0' + sevenDigits[3] - '0' + sevenDigits[5] - '0';
        return (odd + 2 * even) % 10 == sevenDigits[6] - '0';
    }
}
