using System.Globalization;
using System.Numerics;

namespace Steward.Policy.Values;

/// <summary>
/// A Rego number. Integers are exact (a 64-bit fast path, arbitrary precision beyond it); other numbers
/// are IEEE doubles. Numbers compare numerically, so <c>1</c> equals <c>1.0</c>. A number read from a literal
/// written with a fraction or an exponent (<c>1.0</c>, <c>1e3</c>) also keeps that text, as OPA's
/// <c>ast.Number</c> does: its value is still the integer it equals, but it prints as written and OPA's built-ins
/// treat it as a float (see <see cref="IsFloatLiteral"/>).
/// </summary>
public sealed class NumberValue : Value
{
    /// <summary>The largest decimal exponent of an integral literal beyond double range that is held exactly (1e10000).</summary>
    public const int MaxExactExponent = 10_000;

    private static readonly NumberValue[] Small = CreateSmall();
    private static readonly NumberValue ZeroPointZero = new(0L, "0.0");
    private static readonly NumberValue OnePointZero = new(1L, "1.0");

    // The integer (Integer form) or the bits of the double (Float form): one field keeps the object at 48 bytes.
    private readonly long _bits;
    private readonly object? _big;
    private readonly string? _text;
    private readonly NumberForm _form;

    // Whether the kept text's exact value differs from the value held (1e-400 held as 0, a decimal beyond a double's
    // precision): comparisons that tie then decide on the text, as OPA does.
    private bool _inexact;

    private NumberValue(long value, string? text = null)
    {
        _bits = value;
        _text = text;
        _form = NumberForm.Integer;
    }

    private NumberValue(double value, string? text = null)
    {
        _bits = BitConverter.DoubleToInt64Bits(value);
        _text = text;
        _form = NumberForm.Float;
    }

    private NumberValue(BigInteger value, string? text = null)
    {
        _big = value;
        _text = text;
        _form = NumberForm.Big;
    }

    private enum NumberForm : byte
    {
        Integer,
        Big,
        Float,
    }

    /// <summary>What <see cref="Scan"/> learns of a literal.</summary>
    private enum LiteralShape
    {
        /// <summary>An integer, or not JSON number syntax: parsed into its value alone.</summary>
        Plain,

        /// <summary>A decimal that is the canonical text of its value when the value is not integral.</summary>
        ShortDecimal,

        /// <summary>A decimal that is not the canonical text of its value (trailing zero, or below 1e-4).</summary>
        LongDecimal,

        /// <summary>With an exponent or over 15 digits: compared with the formatted value.</summary>
        Other,
    }

    /// <summary>Zero.</summary>
    public static NumberValue Zero => Small[0];

    /// <summary>One.</summary>
    public static NumberValue One => Small[1];


    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Number;

    /// <summary>Whether the number is an integer held exactly.</summary>
    public bool IsInteger => _form != NumberForm.Float;

    /// <summary>Whether the number is an integer that fits in 64 bits.</summary>
    public bool IsInt64 => _form == NumberForm.Integer;

    /// <summary>
    /// Whether the number keeps a literal spelling with a fraction or an exponent (<c>1.0</c>, <c>1e3</c>, <c>0.50</c>).
    /// OPA's built-ins read such a number as a float even when its value is integral: <c>sprintf</c> hands it to Go as
    /// a float64 and operands that must be integers reject it.
    /// </summary>
    public bool IsFloatLiteral => _text is not null;

    /// <summary>The same number without its literal spelling (arithmetic results are always in this form).</summary>
    public NumberValue Canonical => _text is null ? this : _form switch
    {
        NumberForm.Integer => Of(_bits),
        NumberForm.Big => new NumberValue((BigInteger)_big!),
        _ => new NumberValue(BitConverter.Int64BitsToDouble(_bits)),
    };

    /// <summary>Creates an integer.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The number.</returns>
    public static NumberValue Of(long value) => value is >= 0 and < 256 ? Small[value] : new NumberValue(value);

    /// <summary>Creates an integer of any size.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The number.</returns>
    public static NumberValue Of(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? Of((long)value) : new NumberValue(value);

    /// <summary>Creates a number from a double; integral doubles within 2^53 become exact integers.</summary>
    /// <param name="value">The double.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static NumberValue Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("Rego numbers are finite.", nameof(value));
        }

        return Math.Abs(value) <= 9007199254740992d && Math.Floor(value) == value ? Of((long)value) : new NumberValue(value);
    }

    /// <summary>Parses a number into its value, forgetting how it was written (<c>1.0</c> becomes the integer 1).</summary>
    /// <param name="text">The number, e.g. <c>-12</c>, <c>1.5e3</c>.</param>
    /// <param name="number">The number.</param>
    /// <returns>Whether the text is a number within double range.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out NumberValue number)
    {
        if (text.IndexOfAny('.', 'e', 'E') < 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                number = Of(l);
                return true;
            }

            if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                number = Of(b);
                return true;
            }
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            // Integral numbers beyond 2^53 written with an exponent (1e20, 1.5e20) are integers; keep them exact.
            if (Math.Floor(d) == d && Math.Abs(d) > 9007199254740992d && TryParseExactInteger(text, out var exact))
            {
                number = Of(exact);
                return true;
            }

            number = Of(d);
            return true;
        }

        number = Zero;
        return false;
    }

    /// <summary>
    /// Parses a JSON or Rego number literal as OPA holds it: the value, and the text as written when it has a fraction
    /// or an exponent (see <see cref="IsFloatLiteral"/>). Integral literals beyond double range (<c>1e400</c>) are
    /// held exactly, up to 10^<see cref="MaxExactExponent"/>.
    /// </summary>
    /// <param name="text">The literal, e.g. <c>-12</c>, <c>1.0</c>, <c>1.5e3</c>.</param>
    /// <param name="number">The number.</param>
    /// <returns>Whether the text is a number this model can hold.</returns>
    public static bool TryParseLiteral(ReadOnlySpan<char> text, out NumberValue number)
    {
        var shape = Scan(text);
        if (shape == LiteralShape.Plain)
        {
            return TryParse(text, out number);
        }

        if (text is "1.0" or "0.0")
        {
            // The commonest float spellings of integers (JSON writers print 1.0 and 0.0): one shared instance each.
            number = text[0] == '1' ? OnePointZero : ZeroPointZero;
            return true;
        }

        if (!TryParse(text, out var value))
        {
            if (!TryParseExactInteger(text, out var huge))
            {
                number = Zero;
                return false;
            }

            value = Of(huge);
        }

        var canonical = value._form == NumberForm.Float && shape switch
        {
            LiteralShape.ShortDecimal => true,
            LiteralShape.LongDecimal => false,
            _ => IsShortestText(BitConverter.Int64BitsToDouble(value._bits), text),
        };
        number = canonical ? value : value.WithText(text.ToString());
        return true;
    }

    /// <summary>The number as a 64-bit integer when it is one.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether the number is an integer in range.</returns>
    public bool TryGetInt64(out long value)
    {
        value = _bits;
        return _form == NumberForm.Integer;
    }

    /// <summary>The number as an integer of any size when it is integral.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether the number is integral.</returns>
    public bool TryGetBigInteger(out BigInteger value)
    {
        switch (_form)
        {
            case NumberForm.Integer:
                value = _bits;
                return true;
            case NumberForm.Big:
                value = (BigInteger)_big!;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>The number as a double (possibly rounded; infinite beyond double range).</summary>
    public double AsDouble => _form switch
    {
        NumberForm.Integer => _bits,
        NumberForm.Big => (double)(BigInteger)_big!,
        _ => BitConverter.Int64BitsToDouble(_bits),
    };

    /// <summary>
    /// The number as JSON text, as OPA prints it: a literal's own spelling when it kept one, otherwise integers
    /// exactly and other numbers in shortest round-trip form.
    /// </summary>
    /// <returns>The text.</returns>
    public string ToJsonText() => _text ?? ToCanonicalText();

    /// <summary>The value's own text, ignoring any literal spelling: integers exactly, other numbers in shortest round-trip form.</summary>
    /// <returns>The text.</returns>
    public string ToCanonicalText() => _form switch
    {
        NumberForm.Integer => _bits.ToString(CultureInfo.InvariantCulture),
        NumberForm.Big => ((BigInteger)_big!).ToString(CultureInfo.InvariantCulture),
        _ => FormatDouble(BitConverter.Int64BitsToDouble(_bits)),
    };

    /// <inheritdoc />
    public override bool Equals(Value? other) =>
        other is NumberValue n && (_form == NumberForm.Integer && n._form == NumberForm.Integer && !(_inexact || n._inexact) ? _bits == n._bits : CompareNumbers(this, n) == 0);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        switch (_form)
        {
            case NumberForm.Integer:
                return _bits.GetHashCode();
            case NumberForm.Big:
                return ((double)(BigInteger)_big!).GetHashCode();
            default:
                // An integral double beyond 2^53 equals an integer: hash it as that integer.
                var d = BitConverter.Int64BitsToDouble(_bits);
                return d is >= -9223372036854775808d and < 9223372036854775808d && Math.Floor(d) == d ? ((long)d).GetHashCode() : d.GetHashCode();
        }
    }

    private protected override int CompareSameKind(Value other) => CompareNumbers(this, (NumberValue)other);

    private static int CompareNumbers(NumberValue a, NumberValue b)
    {
        var order = CompareValues(a, b);
        // OPA compares numbers exactly (big.Rat of the literal's text): a literal whose value a double cannot hold
        // (1e-400, 0.1000000000000000000001) differs from the double it rounds to. Only ties need that check.
        return order == 0 && (a._inexact || b._inexact) ? CompareExactly(a, b) : order;
    }

    private static int CompareValues(NumberValue a, NumberValue b)
    {
        if (a._form == NumberForm.Integer && b._form == NumberForm.Integer)
        {
            return a._bits.CompareTo(b._bits);
        }

        if (a._form != NumberForm.Float && b._form != NumberForm.Float)
        {
            a.TryGetBigInteger(out var x);
            b.TryGetBigInteger(out var y);
            return x.CompareTo(y);
        }

        if (a._form != NumberForm.Float || b._form != NumberForm.Float)
        {
            // An integer against a double: exactly when the double is integral (beyond 2^53 a double rounds integers).
            var (integer, d, sign) = a._form == NumberForm.Float ? (b, a.AsDouble, -1) : (a, b.AsDouble, 1);
            if (Math.Floor(d) == d && integer.TryGetBigInteger(out var i))
            {
                return sign * i.CompareTo(new BigInteger(d));
            }
        }

        return a.AsDouble.CompareTo(b.AsDouble);
    }

    /// <summary>
    /// Compares two numbers by their exact decimal values: a kept literal text as written, an integer as itself, a
    /// double by its shortest decimal text. Used only when the usual comparison ties and a kept text is inexact.
    /// </summary>
    private static int CompareExactly(NumberValue a, NumberValue b)
    {
        if (!a.TryExactDecimal(out var ma, out var ea) || !b.TryExactDecimal(out var mb, out var eb))
        {
            return 0;
        }

        if (ma.Sign != mb.Sign)
        {
            return ma.Sign.CompareTo(mb.Sign);
        }

        if (ma.IsZero)
        {
            return 0;
        }

        // Same sign: compare magnitudes by their order (digits + exponent) first, so the scaling below stays small.
        var oa = ma.ToString(CultureInfo.InvariantCulture).TrimStart('-').Length + (long)ea;
        var ob = mb.ToString(CultureInfo.InvariantCulture).TrimStart('-').Length + (long)eb;
        if (oa != ob)
        {
            return ma.Sign * oa.CompareTo(ob);
        }

        return ea >= eb ? (ma * BigInteger.Pow(10, ea - eb)).CompareTo(mb) : ma.CompareTo(mb * BigInteger.Pow(10, eb - ea));
    }

    /// <summary>The number as <paramref name="mantissa"/> × 10^<paramref name="exponent"/>, exactly.</summary>
    private bool TryExactDecimal(out BigInteger mantissa, out int exponent)
    {
        if (_text is not null)
        {
            return TryParseDecimal(_text, out mantissa, out exponent);
        }

        exponent = 0;
        if (_form != NumberForm.Float)
        {
            return TryGetBigInteger(out mantissa);
        }

        // A double without a kept text stands for its shortest decimal text, as OPA's numbers are texts.
        var d = BitConverter.Int64BitsToDouble(_bits);
        if (!double.IsFinite(d))
        {
            mantissa = BigInteger.Zero;
            return false;
        }

        return TryParseDecimal(d.ToString("R", CultureInfo.InvariantCulture), out mantissa, out exponent);
    }

    /// <summary>Parses a decimal literal (<c>-?digits[.digits][e[+-]digits]</c>, also <c>+</c> or a leading <c>.</c>) exactly.</summary>
    private static bool TryParseDecimal(string text, out BigInteger mantissa, out int exponent)
    {
        mantissa = BigInteger.Zero;
        exponent = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new System.Text.StringBuilder(text.Length);
        var fractionDigits = 0;
        var inFraction = false;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && !inFraction)); i++)
        {
            if (text[i] == '.')
            {
                inFraction = true;
                continue;
            }

            digits.Append(text[i]);
            if (inFraction)
            {
                fractionDigits++;
            }
        }

        if (digits.Length == 0)
        {
            return false;
        }

        long exp = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (!long.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp) || Math.Abs(exp) > int.MaxValue / 2)
            {
                return false;
            }

            i = text.Length;
        }

        if (i != text.Length)
        {
            return false;
        }

        mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        exponent = (int)(exp - fractionDigits);
        return true;
    }

    private static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    /// <summary>Whether a non-integral double's canonical text is exactly <paramref name="text"/> (so the literal need not be kept).</summary>
    private static bool IsShortestText(double value, ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[32];
        if (!value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture) || written != text.Length)
        {
            return false;
        }

        for (var i = 0; i < written; i++)
        {
            if ((buffer[i] == 'E' ? 'e' : buffer[i]) != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One pass over a literal: whether it is a JSON number with a fraction or exponent and, without formatting the
    /// double, whether a non-integral value's canonical text is the literal. The canonical text has no trailing
    /// zero; up to 15 significant digits a decimal is the shortest text of its double; below 1e-4 the canonical text
    /// has an exponent. JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
    /// </summary>
    private static LiteralShape Scan(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        var significant = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            significant += significant > 0 || text[i] != '0' ? 1 : 0;
            i++;
        }

        if (i == start || (text[start] == '0' && i - start > 1))
        {
            return LiteralShape.Plain;
        }

        var fraction = false;
        var fractionZeros = 0;
        if (i < text.Length && text[i] == '.')
        {
            fraction = true;
            start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (significant == 0 && text[i] == '0')
                {
                    fractionZeros++;
                }
                else
                {
                    significant++;
                }

                i++;
            }

            if (i == start)
            {
                return LiteralShape.Plain;
            }
        }

        if (i == text.Length)
        {
            return !fraction ? LiteralShape.Plain
                : text[^1] == '0' || (significant <= 15 && fractionZeros > 3) ? LiteralShape.LongDecimal
                : significant <= 15 ? LiteralShape.ShortDecimal
                : LiteralShape.Other;
        }

        if (text[i] is not ('e' or 'E'))
        {
            return LiteralShape.Plain;
        }

        i++;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i == start || i != text.Length ? LiteralShape.Plain : LiteralShape.Other;
    }

    /// <summary>The integer a decimal literal denotes, when it is integral and at most 10^<see cref="MaxExactExponent"/> in magnitude.</summary>
    private static bool TryParseExactInteger(ReadOnlySpan<char> text, out BigInteger value)
    {
        value = default;
        var e = text.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? text : text[..e];
        var exponent = 0;
        if (e >= 0 && !int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? [] : mantissa[(dot + 1)..].TrimEnd('0');
        var scale = exponent - fraction.Length;
        if (scale < 0 || exponent > MaxExactExponent
            || !BigInteger.TryParse(string.Concat(whole, fraction), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        value = digits * BigInteger.Pow(10, scale);
        return true;
    }

    private NumberValue WithText(string text)
    {
        var literal = _form switch
        {
            NumberForm.Integer => new NumberValue(_bits, text),
            NumberForm.Big => new NumberValue((BigInteger)_big!, text),
            _ => new NumberValue(BitConverter.Int64BitsToDouble(_bits), text),
        };
        literal._inexact = CompareExactly(literal, this) != 0;
        return literal;
    }

    private static NumberValue[] CreateSmall()
    {
        var small = new NumberValue[256];
        for (var i = 0; i < small.Length; i++)
        {
            small[i] = new NumberValue((long)i);
        }

        return small;
    }
}
