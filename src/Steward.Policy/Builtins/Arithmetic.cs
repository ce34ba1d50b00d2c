using System.Globalization;
using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>Exact integer arithmetic with overflow to arbitrary precision, doubles otherwise.</summary>
public static class Arithmetic
{
    /// <summary>a + b.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    /// <returns>The sum.</returns>
    public static NumberValue Add(NumberValue a, NumberValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.TryGetInt64(out var x) && b.TryGetInt64(out var y))
        {
            var r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0)
            {
                return NumberValue.Of(r);
            }
        }

        return a.TryGetBigInteger(out var bx) && b.TryGetBigInteger(out var by) ? NumberValue.Of(bx + by) : Decimal(a, b, static (x, y) => x + y) ?? Float(a.AsDouble + b.AsDouble);
    }

    /// <summary>a - b.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    /// <returns>The difference.</returns>
    public static NumberValue Subtract(NumberValue a, NumberValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.TryGetInt64(out var x) && b.TryGetInt64(out var y))
        {
            var r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0)
            {
                return NumberValue.Of(r);
            }
        }

        return a.TryGetBigInteger(out var bx) && b.TryGetBigInteger(out var by) ? NumberValue.Of(bx - by) : Decimal(a, b, static (x, y) => x - y) ?? Float(a.AsDouble - b.AsDouble);
    }

    /// <summary>a * b.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    /// <returns>The product.</returns>
    public static NumberValue Multiply(NumberValue a, NumberValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.TryGetInt64(out var x) && b.TryGetInt64(out var y))
        {
            var r = Math.BigMul(x, y, out var low);
            if ((r == 0 && low >= 0) || (r == -1 && low < 0))
            {
                return NumberValue.Of(low);
            }
        }

        return a.TryGetBigInteger(out var bx) && b.TryGetBigInteger(out var by) ? NumberValue.Of(bx * by) : Decimal(a, b, static (x, y) => x * y) ?? Float(a.AsDouble * b.AsDouble);
    }

    /// <summary>a / b; exact when both are integers and b divides a.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="BuiltinException">b is zero.</exception>
    public static NumberValue Divide(NumberValue a, NumberValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.AsDouble == 0)
        {
            throw new BuiltinException("divide by zero");
        }

        if (a.TryGetBigInteger(out var x) && b.TryGetBigInteger(out var y))
        {
            var q = BigInteger.DivRem(x, y, out var rem);
            if (rem.IsZero)
            {
                return NumberValue.Of(q);
            }
        }

        return Float(a.AsDouble / b.AsDouble);
    }

    /// <summary>a % b for integers.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    /// <returns>The remainder, with the sign of a.</returns>
    /// <exception cref="BuiltinException">b is zero or an operand is not an integer.</exception>
    public static NumberValue Remainder(NumberValue a, NumberValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.TryGetBigInteger(out var x) || !b.TryGetBigInteger(out var y))
        {
            throw new BuiltinException("modulo on floating-point number");
        }

        if (y.IsZero)
        {
            throw new BuiltinException("modulo by zero");
        }

        return NumberValue.Of(BigInteger.Remainder(x, y));
    }

    /// <summary>A double result as a number; infinities and NaN are errors.</summary>
    /// <param name="value">The double.</param>
    /// <returns>The number.</returns>
    public static NumberValue Float(double value) =>
        double.IsFinite(value) ? NumberValue.Of(value) : throw new BuiltinException("arithmetic result is not a finite number");

    /// <summary>
    /// The number as a decimal when its shortest form has at most 15 significant digits (a literal like 0.1),
    /// so that sums and products of such numbers come out as OPA's wider arithmetic prints them (0.1 + 0.2 = 0.3).
    /// </summary>
    /// <param name="number">The number.</param>
    /// <param name="value">The decimal.</param>
    /// <returns>Whether the number is short enough.</returns>
    public static bool TryShortDecimal(NumberValue number, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(number);
        value = 0;
        var text = number.ToJsonText();
        var mantissa = text.AsSpan();
        var e = mantissa.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            mantissa = mantissa[..e];
        }

        var digits = 0;
        var leading = true;
        foreach (var c in mantissa)
        {
            if (c is >= '1' and <= '9' || (c == '0' && !leading))
            {
                digits++;
                leading = false;
            }
        }

        return digits <= 15 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static NumberValue? Decimal(NumberValue a, NumberValue b, Func<decimal, decimal, decimal> op)
    {
        if (!TryShortDecimal(a, out var x) || !TryShortDecimal(b, out var y))
        {
            return null;
        }

        try
        {
            return FromDecimal(op(x, y));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A decimal result as a number (integral results become exact integers).</summary>
    /// <param name="value">The decimal.</param>
    /// <returns>The number.</returns>
    public static NumberValue FromDecimal(decimal value) =>
        decimal.Truncate(value) == value
            ? NumberValue.Of(new BigInteger(value))
            : Float(double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
