using System.Globalization;
using System.Numerics;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>Go's strconv.FormatFloat for the formats e, E, f, g and G, exact and round-half-even like Go.</summary>
internal static class GoFloat
{
    public static string Format(double value, char format, int precision)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var digits = precision < 0 ? Shortest(Math.Abs(value)) : Exact(Math.Abs(value));
        var shortest = precision < 0;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        switch (format)
        {
            case 'e' or 'E':
                if (shortest)
                {
                    precision = Math.Max(digits.Count - 1, 0);
                }
                else
                {
                    digits.Round(precision + 1);
                }

                AppendE(builder, digits, precision, format);
                break;
            case 'f':
                if (shortest)
                {
                    precision = Math.Max(digits.Count - digits.Point, 0);
                }
                else
                {
                    digits.Round(digits.Point + precision);
                }

                AppendF(builder, digits, precision);
                break;
            default:
                if (precision == 0)
                {
                    precision = 1;
                }

                if (shortest)
                {
                    precision = 6;
                }
                else
                {
                    digits.Round(precision);
                }

                var eprec = precision;
                if (!shortest && eprec > digits.Count && digits.Count >= digits.Point)
                {
                    eprec = digits.Count;
                }

                var exp = digits.Point - 1;
                if (exp < -4 || exp >= eprec)
                {
                    var p = shortest ? digits.Count : Math.Min(precision, digits.Count);
                    AppendE(builder, digits, Math.Max(p - 1, 0), format == 'G' ? 'E' : 'e');
                }
                else
                {
                    var p = shortest ? digits.Count : precision;
                    if (p > digits.Point)
                    {
                        p = digits.Count;
                    }

                    AppendF(builder, digits, Math.Max(p - digits.Point, 0));
                }

                break;
        }

        return builder.ToString();
    }

    private static void AppendE(StringBuilder builder, Decimal d, int precision, char e)
    {
        builder.Append(d.Count == 0 ? '0' : d.Digits[0]);
        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                builder.Append(i < d.Count ? d.Digits[i] : '0');
            }
        }

        var exp = d.Count == 0 ? 0 : d.Point - 1;
        builder.Append(e).Append(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        builder.Append(exp < 10 ? "0" + exp.ToString(CultureInfo.InvariantCulture) : exp.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendF(StringBuilder builder, Decimal d, int precision)
    {
        if (d.Point > 0)
        {
            for (var i = 0; i < d.Point; i++)
            {
                builder.Append(i < d.Count ? d.Digits[i] : '0');
            }
        }
        else
        {
            builder.Append('0');
        }

        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 0; i < precision; i++)
            {
                var j = d.Point + i;
                builder.Append(j >= 0 && j < d.Count ? d.Digits[j] : '0');
            }
        }
    }

    private static Decimal Shortest(double value)
    {
        if (value == 0)
        {
            return new Decimal(string.Empty, 0);
        }

        return Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    private static Decimal Parse(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = 0;
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var intLen = dot < 0 ? text.Length : dot;
        var all = text.Replace(".", string.Empty, StringComparison.Ordinal);
        var lead = 0;
        while (lead < all.Length && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..].TrimEnd('0');
        return new Decimal(all, intLen - lead + exponent);
    }

    private static Decimal Exact(double value)
    {
        if (value == 0)
        {
            return new Decimal(string.Empty, 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        string digits;
        int point;
        if (exponent >= 0)
        {
            digits = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            point = digits.Length;
        }
        else
        {
            var scaled = new BigInteger(mantissa) * BigInteger.Pow(5, -exponent);
            digits = scaled.ToString(CultureInfo.InvariantCulture);
            point = digits.Length + exponent;
        }

        var trimmed = digits.TrimEnd('0');
        return new Decimal(trimmed, point);
    }

    /// <summary>A decimal digit string with the position of the decimal point (Go's decimal).</summary>
    private sealed class Decimal(string digits, int point)
    {
        public string Digits { get; private set; } = digits;

        public int Point { get; private set; } = point;

        public int Count => Digits.Length;

        public void Round(int count)
        {
            if (count < 0 || count >= Digits.Length)
            {
                if (count < 0)
                {
                    Digits = string.Empty;
                }

                return;
            }

            bool up;
            if (Digits[count] == '5' && count + 1 == Digits.Length)
            {
                up = count > 0 && (Digits[count - 1] - '0') % 2 == 1;
            }
            else
            {
                up = Digits[count] >= '5';
            }

            var kept = Digits[..count].ToCharArray();
            if (up)
            {
                var i = kept.Length - 1;
                while (i >= 0 && kept[i] == '9')
                {
                    kept[i] = '0';
                    i--;
                }

                if (i < 0)
                {
                    Digits = "1" + new string(kept);
                    Point++;
                }
                else
                {
                    kept[i]++;
                    Digits = new string(kept);
                }
            }
            else
            {
                Digits = new string(kept);
            }

            Digits = Digits.TrimEnd('0');
        }
    }
}
