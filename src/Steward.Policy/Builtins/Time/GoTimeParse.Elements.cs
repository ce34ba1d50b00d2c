using System.Globalization;
using static Steward.Policy.Builtins.GoLayout;

namespace Steward.Policy.Builtins;

internal static partial class GoTimeParse
{
    private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool Skip(ref string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                {
                    return false;
                }

                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }

            if (value.Length == 0 || value[0] != prefix[0])
            {
                return false;
            }

            prefix = prefix[1..];
            value = value[1..];
        }

        return true;
    }

    private static int Lookup(string[] table, ref string value)
    {
        for (var i = 0; i < table.Length; i++)
        {
            if (value.Length >= table[i].Length && string.Equals(value[..table[i].Length], table[i], StringComparison.OrdinalIgnoreCase))
            {
                value = value[table[i].Length..];
                return i;
            }
        }

        return -1;
    }

    private static bool GetNum(ref string value, bool fixedWidth, out int n)
    {
        n = 0;
        if (value.Length == 0 || !char.IsAsciiDigit(value[0]))
        {
            return false;
        }

        if (value.Length < 2 || !char.IsAsciiDigit(value[1]))
        {
            if (fixedWidth)
            {
                return false;
            }

            n = value[0] - '0';
            value = value[1..];
            return true;
        }

        n = ((value[0] - '0') * 10) + (value[1] - '0');
        value = value[2..];
        return true;
    }

    private static bool GetNum3(ref string value, bool fixedWidth, out int n)
    {
        n = 0;
        var i = 0;
        while (i < 3 && i < value.Length && char.IsAsciiDigit(value[i]))
        {
            n = (n * 10) + (value[i] - '0');
            i++;
        }

        if (i == 0 || (fixedWidth && i != 3))
        {
            return false;
        }

        value = value[i..];
        return true;
    }

    private static long Nanoseconds(string value, int nbytes)
    {
        var digits = value[1..Math.Min(nbytes, 10)];
        var ns = long.Parse(digits, CultureInfo.InvariantCulture);
        for (var k = digits.Length; k < 9; k++)
        {
            ns *= 10;
        }

        return ns;
    }

    private static (bool Bad, string? Range) ParseOffset(GoLayout.Std std, ref string value, out int offset)
    {
        offset = 0;
        string sign, hh, mm = "00", ss = "00";
        var v = value;
        switch (std)
        {
            case Std.ISO8601ColonTZ or Std.NumColonTZ:
                if (v.Length < 6 || v[3] != ':')
                {
                    return (true, null);
                }

                (sign, hh, mm, v) = (v[..1], v[1..3], v[4..6], v[6..]);
                break;
            case Std.NumShortTZ or Std.ISO8601ShortTZ:
                if (v.Length < 3)
                {
                    return (true, null);
                }

                (sign, hh, v) = (v[..1], v[1..3], v[3..]);
                break;
            case Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ:
                if (v.Length < 9 || v[3] != ':' || v[6] != ':')
                {
                    return (true, null);
                }

                (sign, hh, mm, ss, v) = (v[..1], v[1..3], v[4..6], v[7..9], v[9..]);
                break;
            case Std.ISO8601SecondsTZ or Std.NumSecondsTZ:
                if (v.Length < 7)
                {
                    return (true, null);
                }

                (sign, hh, mm, ss, v) = (v[..1], v[1..3], v[3..5], v[5..7], v[7..]);
                break;
            default:
                if (v.Length < 5)
                {
                    return (true, null);
                }

                (sign, hh, mm, v) = (v[..1], v[1..3], v[3..5], v[5..]);
                break;
        }

        if (!AllDigits(hh) || !AllDigits(mm) || !AllDigits(ss) || sign is not ("+" or "-"))
        {
            return (true, null);
        }

        var h = int.Parse(hh, CultureInfo.InvariantCulture);
        var m = int.Parse(mm, CultureInfo.InvariantCulture);
        var s = int.Parse(ss, CultureInfo.InvariantCulture);
        if (h > 24)
        {
            return (false, "time zone offset hour");
        }

        if (m > 60)
        {
            return (false, "time zone offset minute");
        }

        if (s > 60)
        {
            return (false, "time zone offset second");
        }

        offset = ((h * 60) + m) * 60 + s;
        if (sign == "-")
        {
            offset = -offset;
        }

        value = v;
        return (false, null);
    }

    /// <summary>Go's parseTimeZone: 3 to 5 letter abbreviations (ending in T, or ChST/MeST), or GMT with an offset.</summary>
    private static int ZoneAbbreviationLength(string value, out int? gmtOffset)
    {
        gmtOffset = null;
        if (value.Length < 3)
        {
            return 0;
        }

        if (value.Length >= 4 && (value.StartsWith("ChST", StringComparison.Ordinal) || value.StartsWith("MeST", StringComparison.Ordinal)))
        {
            return 4;
        }

        if (value.StartsWith("GMT", StringComparison.Ordinal))
        {
            var length = 3;
            if (value.Length > 3 && value[3] is '+' or '-')
            {
                var j = 4;
                while (j < value.Length && char.IsAsciiDigit(value[j]))
                {
                    j++;
                }

                if (j > 4 && int.TryParse(value[4..j], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= 23)
                {
                    gmtOffset = (value[3] == '-' ? -hours : hours) * 3600;
                    length = j;
                }
            }

            return length;
        }

        var n = 0;
        while (n < value.Length && char.IsAsciiLetterUpper(value[n]))
        {
            n++;
        }

        return n switch
        {
            0 or 1 or 2 => 0,
            3 => 3,
            4 or 5 => value[n - 1] == 'T' ? n : 0,
            _ => 0,
        };
    }
}
