using System.Globalization;
using System.Numerics;
using System.Text;

namespace Steward.Policy.Builtins;

internal static partial class GoSprintf
{
    private static string? FormatInteger(BigInteger value, string verb, Spec spec, string kind)
    {
        string digits;
        var prefix = string.Empty;
        var abs = BigInteger.Abs(value);
        switch (verb)
        {
            case "d" or "v":
                digits = abs.ToString(CultureInfo.InvariantCulture);
                break;
            case "s" when kind == "big":
                digits = abs.ToString(CultureInfo.InvariantCulture);
                break;
            case "x" or "X":
                digits = ToBase(abs, 16, verb == "X");
                prefix = spec.Sharp ? (verb == "X" ? "0X" : "0x") : string.Empty;
                break;
            case "o" or "O":
                digits = ToBase(abs, 8, false);
                prefix = verb == "O" ? "0o" : spec.Sharp ? "0" : string.Empty;
                break;
            case "b":
                digits = ToBase(abs, 2, false);
                prefix = spec.Sharp ? "0b" : string.Empty;
                break;
            case "c" when kind == "int":
                return Pad(RuneOf(value).ToString(), spec, zeroAllowed: false);
            case "q" when kind == "int":
                return Pad(StringFormatting.QuoteRune(RuneOf(value)), spec, zeroAllowed: false);
            case "U" when kind == "int":
                var u = "U+" + ToBase(abs, 16, true).PadLeft(4, '0');
                if (spec.Sharp && value >= 0 && value <= 0x10FFFF && Rune.IsValid((int)value) && StringFormatting.IsPrint(new Rune((int)value)))
                {
                    u += " '" + new Rune((int)value).ToString() + "'";
                }

                return Pad(u, spec, zeroAllowed: false);
            default:
                return null;
        }

        if (spec.Precision >= 0)
        {
            if (spec.Precision == 0 && value.IsZero)
            {
                digits = string.Empty;
            }

            digits = digits.PadLeft(spec.Precision, '0');
        }

        if (prefix == "0" && digits.StartsWith('0'))
        {
            prefix = string.Empty;
        }

        var sign = value.Sign < 0 ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        var body = prefix + digits;
        if (spec.Zero && !spec.Minus && spec.Precision < 0 && spec.Width > sign.Length + body.Length)
        {
            return sign + prefix + digits.PadLeft(spec.Width - sign.Length - prefix.Length, '0');
        }

        return Pad(sign + body, spec, zeroAllowed: false);
    }

    private static Rune RuneOf(BigInteger value) =>
        value >= 0 && value <= 0x10FFFF && Rune.IsValid((int)value) ? new Rune((int)value) : Rune.ReplacementChar;

    private static string ToBase(BigInteger abs, int radix, bool upper)
    {
        if (abs.IsZero)
        {
            return "0";
        }

        if (radix == 16)
        {
            var hex = abs.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture).TrimStart('0');
            return hex.Length == 0 ? "0" : hex;
        }

        var builder = new StringBuilder();
        while (!abs.IsZero)
        {
            builder.Insert(0, (char)('0' + (int)(abs % radix)));
            abs /= radix;
        }

        return builder.ToString();
    }

    private static string? FormatFloat(double value, string verb, Spec spec)
    {
        string text;
        switch (verb)
        {
            case "v" or "g" or "G":
                text = GoFloat.Format(value, verb == "G" ? 'G' : 'g', spec.Precision);
                break;
            case "e" or "E":
                text = GoFloat.Format(value, verb[0], spec.Precision < 0 ? 6 : spec.Precision);
                break;
            case "f" or "F":
                text = GoFloat.Format(value, 'f', spec.Precision < 0 ? 6 : spec.Precision);
                break;
            default:
                return null;
        }

        if (spec.Sharp && verb is "v" or "g" or "G" && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            text += ".";
        }

        var sign = text.StartsWith('-') ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        var body = text.TrimStart('-');
        if (spec.Zero && !spec.Minus && spec.Width > sign.Length + body.Length)
        {
            return sign + body.PadLeft(spec.Width - sign.Length, '0');
        }

        return Pad(sign + body, spec, zeroAllowed: false);
    }

    private static string? FormatString(string value, string verb, Spec spec)
    {
        switch (verb)
        {
            case "v" or "s":
                return Pad(Truncate(value, spec.Precision), spec, zeroAllowed: true);
            case "q":
                var quoted = spec.Sharp && !value.Contains('`', StringComparison.Ordinal) && value.All(c => c == '\t' || !char.IsControl(c))
                    ? "`" + value + "`"
                    : StringFormatting.Quote(Truncate(value, spec.Precision));
                return Pad(quoted, spec, zeroAllowed: false);
            case "x" or "X":
                var bytes = Encoding.UTF8.GetBytes(Truncate(value, spec.Precision));
                var builder = new StringBuilder();
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (spec.Space && i > 0)
                    {
                        builder.Append(' ');
                    }

                    if (spec.Sharp && (spec.Space || i == 0))
                    {
                        builder.Append(verb == "X" ? "0X" : "0x");
                    }

                    builder.Append(bytes[i].ToString(verb == "X" ? "X2" : "x2", CultureInfo.InvariantCulture));
                }

                return Pad(builder.ToString(), spec, zeroAllowed: false);
            default:
                return null;
        }
    }

    private static string Truncate(string value, int precision)
    {
        if (precision < 0)
        {
            return value;
        }

        var builder = new StringBuilder();
        var n = 0;
        foreach (var rune in StringFormatting.Runes(value))
        {
            if (n++ == precision)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static string Pad(string text, Spec spec, bool zeroAllowed)
    {
        var length = Aggregates.RuneCount(text);
        if (spec.Width <= length)
        {
            return text;
        }

        var padding = spec.Width - length;
        return spec.Minus
            ? text + new string(' ', padding)
            : new string(zeroAllowed && spec.Zero ? '0' : ' ', padding) + text;
    }
}
