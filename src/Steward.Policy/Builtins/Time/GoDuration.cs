namespace Steward.Policy.Builtins;

/// <summary>Go's time.ParseDuration: a signed sequence of decimal numbers with units ns, us, µs, ms, s, m, h.</summary>
internal static class GoDuration
{
    public static long Parse(string text)
    {
        var original = text;
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            throw Invalid(original);
        }

        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                throw Invalid(original);
            }

            var start = s.Length;
            var (whole, overflow) = LeadingInt(ref s);
            if (overflow)
            {
                throw Invalid(original);
            }

            var pre = start != s.Length;
            ulong fraction = 0;
            double scale = 1;
            var post = false;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var before = s.Length;
                (fraction, scale) = LeadingFraction(ref s);
                post = before != s.Length;
            }

            if (!pre && !post)
            {
                throw Invalid(original);
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                throw new BuiltinException($"time: missing unit in duration {Quote(original)}");
            }

            var unitName = s[..i];
            s = s[i..];
            ulong unit = unitName switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => throw new BuiltinException($"time: unknown unit {Quote(unitName)} in duration {Quote(original)}"),
            };
            if (whole > (1UL << 63) / unit)
            {
                throw Invalid(original);
            }

            var v = whole * unit;
            if (fraction > 0)
            {
                v += (ulong)(fraction * (unit / scale));
                if (v > 1UL << 63)
                {
                    throw Invalid(original);
                }
            }

            total += v;
            if (total > 1UL << 63)
            {
                throw Invalid(original);
            }
        }

        if (negative)
        {
            return -(long)total;
        }

        if (total > long.MaxValue)
        {
            throw Invalid(original);
        }

        return (long)total;
    }

    private static (ulong Value, bool Overflow) LeadingInt(ref string s)
    {
        ulong x = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (x > (1UL << 63) / 10)
            {
                return (0, true);
            }

            x = (x * 10) + (ulong)(s[i] - '0');
            if (x > 1UL << 63)
            {
                return (0, true);
            }
        }

        s = s[i..];
        return (x, false);
    }

    private static (ulong Value, double Scale) LeadingFraction(ref string s)
    {
        ulong x = 0;
        double scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (x > (long.MaxValue - 9) / 10)
            {
                overflow = true;
                continue;
            }

            x = (x * 10) + (ulong)(s[i] - '0');
            scale *= 10;
        }

        s = s[i..];
        return (x, scale);
    }

    private static BuiltinException Invalid(string text) => new($"time: invalid duration {Quote(text)}");

    private static string Quote(string text) => StringFormatting.Quote(text);
}
