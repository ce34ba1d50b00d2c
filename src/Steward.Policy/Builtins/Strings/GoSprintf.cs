using System.Globalization;
using System.Numerics;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// Go's fmt.Sprintf as OPA's <c>sprintf</c> feeds it: integers as Go ints (or big.Int), other numbers as
/// float64, strings as strings and every other value as its Rego text.
/// </summary>
internal static class GoSprintf
{
    public static string Format(string format, ReadOnlySpan<Value> values)
    {
        var args = new Arg[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            args[i] = Arg.From(values[i]);
        }

        var output = new StringBuilder(format.Length + 16);
        var argNum = 0;
        var reordered = false;
        var i2 = 0;
        while (i2 < format.Length)
        {
            var pct = format.IndexOf('%', i2);
            if (pct < 0)
            {
                output.Append(format, i2, format.Length - i2);
                break;
            }

            output.Append(format, i2, pct - i2);
            i2 = pct + 1;
            var spec = new Spec();

            // Flags.
            for (; i2 < format.Length; i2++)
            {
                switch (format[i2])
                {
                    case '#': spec.Sharp = true; continue;
                    case '0': spec.Zero = true; continue;
                    case '+': spec.Plus = true; continue;
                    case '-': spec.Minus = true; continue;
                    case ' ': spec.Space = true; continue;
                }

                break;
            }

            var badIndex = false;
            (argNum, i2, reordered, badIndex) = ArgIndex(format, i2, argNum, args.Length, reordered, badIndex);

            // Width.
            if (i2 < format.Length && format[i2] == '*')
            {
                i2++;
                if (argNum < args.Length && args[argNum].Kind == ArgKind.Int)
                {
                    spec.Width = (int)Math.Clamp(args[argNum].Int, -1_000_000, 1_000_000);
                    if (spec.Width < 0)
                    {
                        spec.Minus = true;
                        spec.Width = -spec.Width;
                    }
                }
                else
                {
                    output.Append("%!(BADWIDTH)");
                }

                argNum++;
                (argNum, i2, reordered, badIndex) = ArgIndex(format, i2, argNum, args.Length, reordered, badIndex);
            }
            else
            {
                spec.Width = Number(format, ref i2);
            }

            // Precision.
            if (i2 < format.Length && format[i2] == '.')
            {
                i2++;
                (argNum, i2, reordered, badIndex) = ArgIndex(format, i2, argNum, args.Length, reordered, badIndex);
                if (i2 < format.Length && format[i2] == '*')
                {
                    i2++;
                    if (argNum < args.Length && args[argNum].Kind == ArgKind.Int && args[argNum].Int >= 0)
                    {
                        spec.Precision = (int)Math.Min(args[argNum].Int, 1_000_000);
                    }
                    else
                    {
                        output.Append("%!(BADPREC)");
                    }

                    argNum++;
                    (argNum, i2, reordered, badIndex) = ArgIndex(format, i2, argNum, args.Length, reordered, badIndex);
                }
                else
                {
                    spec.Precision = Math.Max(Number(format, ref i2), 0);
                }
            }

            if (i2 >= format.Length)
            {
                output.Append("%!(NOVERB)");
                break;
            }

            var verbRune = Rune.GetRuneAt(format, i2);
            i2 += verbRune.Utf16SequenceLength;
            var verb = verbRune.ToString();
            if (verb == "%")
            {
                output.Append('%');
                continue;
            }

            if (badIndex)
            {
                output.Append("%!").Append(verb).Append("(BADINDEX)");
                continue;
            }

            if (argNum >= args.Length)
            {
                output.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            var text = FormatArg(args[argNum], verb, spec);
            argNum++;
            output.Append(text);
        }

        if (!reordered && argNum < args.Length)
        {
            output.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Length; k++)
            {
                if (k > argNum)
                {
                    output.Append(", ");
                }

                output.Append(args[k].GoType).Append('=').Append(FormatArg(args[k], "v", new Spec()));
            }

            output.Append(')');
        }

        return output.ToString();
    }

    private static (int ArgNum, int Index, bool Reordered, bool BadIndex) ArgIndex(string format, int i, int argNum, int count, bool reordered, bool badIndex)
    {
        if (i >= format.Length || format[i] != '[')
        {
            return (argNum, i, reordered, badIndex);
        }

        var close = format.IndexOf(']', i);
        if (close < 0 || !int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > count)
        {
            return (argNum, close < 0 ? format.Length : close + 1, true, true);
        }

        return (n - 1, close + 1, true, badIndex);
    }

    private static int Number(string format, ref int i)
    {
        var start = i;
        var n = 0;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            n = Math.Min((n * 10) + (format[i] - '0'), 1_000_000);
            i++;
        }

        return i == start ? -1 : n;
    }

    private static string FormatArg(Arg arg, string verb, Spec spec) => arg.Kind switch
    {
        ArgKind.Int => FormatInteger(arg.Int, verb, spec, "int") ?? BadVerb(arg, verb),
        ArgKind.Big => FormatInteger(arg.Big, verb, spec, "big") ?? $"%!{verb}(big.Int={arg.Big.ToString(CultureInfo.InvariantCulture)})",
        ArgKind.Float => FormatFloat(arg.Float, verb, spec) ?? BadVerb(arg, verb),
        _ => FormatString(arg.Text, verb, spec) ?? BadVerb(arg, verb),
    };

    private static string BadVerb(Arg arg, string verb) => $"%!{verb}({arg.GoType}={FormatArg(arg, "v", new Spec())})";

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

    private enum ArgKind
    {
        Int,
        Big,
        Float,
        String,
    }

    private sealed class Spec
    {
        public bool Sharp { get; set; }

        public bool Zero { get; set; }

        public bool Plus { get; set; }

        public bool Minus { get; set; }

        public bool Space { get; set; }

        public int Width { get; set; } = -1;

        public int Precision { get; set; } = -1;
    }

    private readonly record struct Arg(ArgKind Kind, long Int, BigInteger Big, double Float, string Text)
    {
        public string GoType => Kind switch
        {
            ArgKind.Int => "int",
            ArgKind.Big => "*big.Int",
            ArgKind.Float => "float64",
            _ => "string",
        };

        public static Arg From(Value value) => value switch
        {
            NumberValue n when n.TryGetInt64(out var l) => new Arg(ArgKind.Int, l, l, 0, string.Empty),
            NumberValue n when n.TryGetBigInteger(out var b) => new Arg(ArgKind.Big, 0, b, 0, string.Empty),
            NumberValue n => new Arg(ArgKind.Float, 0, default, n.AsDouble, string.Empty),
            StringValue s => new Arg(ArgKind.String, 0, default, 0, s.Value),
            _ => new Arg(ArgKind.String, 0, default, 0, value.ToString()),
        };
    }
}
