using System.Globalization;
using System.Numerics;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// Go's fmt.Sprintf as OPA's <c>sprintf</c> feeds it: integers as Go ints (or big.Int), other numbers as
/// float64, strings as strings and every other value as its Rego text.
/// </summary>
internal static partial class GoSprintf
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

    private static string FormatArg(Arg arg, string verb, Spec spec) => verb == "T" ? Pad(arg.GoType, spec, zeroAllowed: false) : arg.Kind switch
    {
        ArgKind.Int => FormatInteger(arg.Int, verb, spec, "int") ?? BadVerb(arg, verb),
        ArgKind.Big => FormatInteger(arg.Big, verb, spec, "big") ?? $"%!{verb}(big.Int={arg.Big.ToString(CultureInfo.InvariantCulture)})",
        ArgKind.Float => FormatFloat(arg.Float, verb, spec) ?? BadVerb(arg, verb),
        _ => FormatString(arg.Text, verb, spec) ?? BadVerb(arg, verb),
    };

    private static string BadVerb(Arg arg, string verb) => $"%!{verb}({arg.GoType}={FormatArg(arg, "v", new Spec())})";

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

        // OPA hands a number to Go as an int when its text parses as one, else as a *big.Int, else as a float64 (so a
        // literal written 2.0 is a float64 while the sum 1 + 1 is an int), and one beyond float64 range as its text.
        public static Arg From(Value value) => value switch
        {
            NumberValue { IsFloatLiteral: true } n => double.IsFinite(n.AsDouble)
                ? new Arg(ArgKind.Float, 0, default, n.AsDouble, string.Empty)
                : new Arg(ArgKind.String, 0, default, 0, n.ToJsonText()),
            NumberValue n when n.TryGetInt64(out var l) => new Arg(ArgKind.Int, l, l, 0, string.Empty),
            NumberValue n when n.TryGetBigInteger(out var b) => new Arg(ArgKind.Big, 0, b, 0, string.Empty),
            NumberValue n => new Arg(ArgKind.Float, 0, default, n.AsDouble, string.Empty),
            StringValue s => new Arg(ArgKind.String, 0, default, 0, s.Value),
            _ => new Arg(ArgKind.String, 0, default, 0, value.ToString()),
        };
    }
}
