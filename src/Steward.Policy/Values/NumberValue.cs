using System.Globalization;
using System.Numerics;

namespace Steward.Policy.Values;

/// <summary>
/// A Rego number. Integers are exact (a 64-bit fast path, arbitrary precision beyond it); other numbers
/// are IEEE doubles. Numbers compare numerically, so <c>1</c> equals <c>1.0</c>.
/// </summary>
public sealed class NumberValue : Value
{
    private static readonly NumberValue[] Small = CreateSmall();
    private readonly long _integer;
    private readonly double _float;
    private readonly BigInteger _big;
    private readonly NumberForm _form;

    private NumberValue(long value)
    {
        _integer = value;
        _form = NumberForm.Integer;
    }

    private NumberValue(double value)
    {
        _float = value;
        _form = NumberForm.Float;
    }

    private NumberValue(BigInteger value)
    {
        _big = value;
        _form = NumberForm.Big;
    }

    private enum NumberForm : byte
    {
        Integer,
        Big,
        Float,
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

    /// <summary>Parses a JSON or Rego number literal.</summary>
    /// <param name="text">The literal, e.g. <c>-12</c>, <c>1.5e3</c>.</param>
    /// <param name="number">The number.</param>
    /// <returns>Whether the text is a finite number.</returns>
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
            // Integral literals written with an exponent (1e3) are integers; keep big ones exact.
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

    /// <summary>The number as a 64-bit integer when it is one.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether the number is an integer in range.</returns>
    public bool TryGetInt64(out long value)
    {
        value = _integer;
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
                value = _integer;
                return true;
            case NumberForm.Big:
                value = _big;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>The number as a double (possibly rounded).</summary>
    public double AsDouble => _form switch
    {
        NumberForm.Integer => _integer,
        NumberForm.Big => (double)_big,
        _ => _float,
    };

    /// <summary>The number as JSON text: integers exactly, other numbers in shortest round-trip form.</summary>
    /// <returns>The text.</returns>
    public string ToJsonText() => _form switch
    {
        NumberForm.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        NumberForm.Big => _big.ToString(CultureInfo.InvariantCulture),
        _ => FormatDouble(_float),
    };

    /// <inheritdoc />
    public override bool Equals(Value? other) =>
        other is NumberValue n && (_form == NumberForm.Integer && n._form == NumberForm.Integer ? _integer == n._integer : CompareNumbers(this, n) == 0);

    /// <inheritdoc />
    public override int GetHashCode() => _form switch
    {
        NumberForm.Integer => _integer.GetHashCode(),
        NumberForm.Big => ((double)_big).GetHashCode(),
        _ => _float.GetHashCode(),
    };

    private protected override int CompareSameKind(Value other) => CompareNumbers(this, (NumberValue)other);

    private static int CompareNumbers(NumberValue a, NumberValue b)
    {
        if (a._form == NumberForm.Integer && b._form == NumberForm.Integer)
        {
            return a._integer.CompareTo(b._integer);
        }

        if (a._form != NumberForm.Float && b._form != NumberForm.Float)
        {
            a.TryGetBigInteger(out var x);
            b.TryGetBigInteger(out var y);
            return x.CompareTo(y);
        }

        return a.AsDouble.CompareTo(b.AsDouble);
    }

    private static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    private static bool TryParseExactInteger(ReadOnlySpan<char> text, out BigInteger value)
    {
        value = default;
        var e = text.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? text : text[..e];
        if (mantissa.Contains('.') || e < 0
            || !int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            || exponent is < 0 or > 400
            || !BigInteger.TryParse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m))
        {
            return false;
        }

        value = m * BigInteger.Pow(10, exponent);
        return true;
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
