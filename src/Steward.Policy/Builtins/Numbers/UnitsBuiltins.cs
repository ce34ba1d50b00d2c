using System.Globalization;
using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>units.parse (SI and binary, m = milli, M = mega) and units.parse_bytes (case-insensitive).</summary>
internal static class UnitsBuiltins
{
    private const int MaxExponentDigits = 6;

    public static void Register(BuiltinRegistry r)
    {
        r.Register("units.parse", 1, (_, a) => Parse(Operand.String(a, 0)));
        r.Register("units.parse_bytes", 1, (_, a) => ParseBytes(Operand.String(a, 0)));
    }

    private static NumberValue ParseBytes(string raw)
    {
        const string name = "units.parse_bytes";
        var s = raw.ToLowerInvariant().Replace("\"", string.Empty, StringComparison.Ordinal);
        if (s.Contains(' ', StringComparison.Ordinal))
        {
            throw Fail(name, "spaces not allowed in resource strings");
        }

        var (num, unit) = Split(s) ?? throw Fail(name, "exponent too large");
        if (num.Length == 0)
        {
            throw Fail(name, "no byte amount provided");
        }

        BigInteger multiplier = unit switch
        {
            "" => 1,
            "kb" or "k" => BigInteger.Pow(1000, 1),
            "kib" or "ki" => BigInteger.One << 10,
            "mb" or "m" => BigInteger.Pow(1000, 2),
            "mib" or "mi" => BigInteger.One << 20,
            "gb" or "g" => BigInteger.Pow(1000, 3),
            "gib" or "gi" => BigInteger.One << 30,
            "tb" or "t" => BigInteger.Pow(1000, 4),
            "tib" or "ti" => BigInteger.One << 40,
            "pb" or "p" => BigInteger.Pow(1000, 5),
            "pib" or "pi" => BigInteger.One << 50,
            "eb" or "e" => BigInteger.Pow(1000, 6),
            "eib" or "ei" => BigInteger.One << 60,
            _ => throw Fail(name, $"byte unit {unit} not recognized"),
        };
        var (n, d) = Rational(num) ?? throw Fail(name, "could not parse byte amount to a number");
        return NumberValue.Of(BigInteger.Divide(n * multiplier, d));
    }

    private static NumberValue Parse(string raw)
    {
        const string name = "units.parse";
        var s = raw.Replace("\"", string.Empty, StringComparison.Ordinal);
        if (s.Contains(' ', StringComparison.Ordinal))
        {
            throw Fail(name, "spaces not allowed in resource strings");
        }

        var (num, unit) = Split(s) ?? throw Fail(name, "exponent too large");
        if (num.Length == 0)
        {
            throw Fail(name, "no amount provided");
        }

        if (unit.Length > 1)
        {
            unit = unit[..1] + unit[1..].ToLowerInvariant();
        }

        (BigInteger N, BigInteger D) factor = unit switch
        {
            "m" => (1, 1000),
            "" => (1, 1),
            "k" or "K" => (BigInteger.Pow(1000, 1), 1),
            "ki" or "Ki" => (BigInteger.One << 10, 1),
            "M" => (BigInteger.Pow(1000, 2), 1),
            "mi" or "Mi" => (BigInteger.One << 20, 1),
            "g" or "G" => (BigInteger.Pow(1000, 3), 1),
            "gi" or "Gi" => (BigInteger.One << 30, 1),
            "t" or "T" => (BigInteger.Pow(1000, 4), 1),
            "ti" or "Ti" => (BigInteger.One << 40, 1),
            "p" or "P" => (BigInteger.Pow(1000, 5), 1),
            "pi" or "Pi" => (BigInteger.One << 50, 1),
            "e" or "E" => (BigInteger.Pow(1000, 6), 1),
            "ei" or "Ei" => (BigInteger.One << 60, 1),
            _ => throw Fail(name, $"unit {unit} not recognized"),
        };
        var (n, d) = Rational(num) ?? throw Fail(name, "could not parse amount to a number");
        n *= factor.N;
        d *= factor.D;
        if (BigInteger.Remainder(n, d).IsZero)
        {
            return NumberValue.Of(n / d);
        }

        // Ten decimal places, halves away from zero (big.Rat.FloatString(10)).
        var scaled = BigInteger.Abs(n) * BigInteger.Pow(10, 10);
        var q = BigInteger.DivRem(scaled, BigInteger.Abs(d), out var rem);
        if (rem * 2 >= BigInteger.Abs(d))
        {
            q += 1;
        }

        var digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(11, '0');
        var text = (n.Sign < 0 ? "-" : string.Empty) + digits[..^10] + "." + digits[^10..];
        return NumberValue.TryParse(text, out var number) ? number : NumberValue.Zero;
    }

    private static BuiltinException Fail(string name, string message) => new($"{name}: {message}");

    /// <summary>OPA's extractNumAndUnit: the numeric prefix (digits, '.', signs, exponents) and the rest; null when an exponent is too long.</summary>
    private static (string Num, string Unit)? Split(string s)
    {
        var first = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!(char.IsDigit(c) || c == '.') && c is not ('e' or 'E' or '+' or '-'))
            {
                first = i;
                break;
            }

            if (c is 'e' or 'E')
            {
                if (i == s.Length - 1 || (!char.IsDigit(s[i + 1]) && s[i + 1] is not ('+' or '-')))
                {
                    first = i;
                    break;
                }

                if (s[i + 1] is '+' or '-')
                {
                    i++;
                }

                var start = i + 1;
                var end = start;
                while (end < s.Length && char.IsDigit(s[end]))
                {
                    end++;
                }

                if (end - start > MaxExponentDigits)
                {
                    return null;
                }
            }
        }

        return first switch
        {
            -1 => (s, string.Empty),
            0 => (string.Empty, s),
            _ => (s[..first], s[first..]),
        };
    }

    /// <summary>Parses a decimal number with optional sign, fraction and exponent as an exact fraction.</summary>
    private static (BigInteger N, BigInteger D)? Rational(string text)
    {
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        var e = s.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return null;
            }

            s = s[..e];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? string.Empty : s[(dot + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return null;
        }

        var n = BigInteger.Parse("0" + whole + fraction, CultureInfo.InvariantCulture);
        BigInteger d = BigInteger.Pow(10, fraction.Length);
        if (exponent > 0)
        {
            n *= BigInteger.Pow(10, exponent);
        }
        else if (exponent < 0)
        {
            d *= BigInteger.Pow(10, -exponent);
        }

        return (negative ? -n : n, d);
    }
}
