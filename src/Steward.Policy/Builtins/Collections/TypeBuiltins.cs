using System.Globalization;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>is_number and friends, type_name, to_number.</summary>
internal static class TypeBuiltins
{
    // type_name's answers, one immutable (and already hashed) string value per kind instead of one per call.
    private static readonly StringValue[] TypeNames =
        [.. Enum.GetValues<ValueKind>().Select(k => Hashed(new StringValue(Value.TypeNameOf(k))))];

    public static void Register(BuiltinRegistry r)
    {
        r.Register("is_number", 1, (_, a) => BooleanValue.Of(a[0] is NumberValue));
        r.Register("is_string", 1, (_, a) => BooleanValue.Of(a[0] is StringValue));
        r.Register("is_boolean", 1, (_, a) => BooleanValue.Of(a[0] is BooleanValue));
        r.Register("is_array", 1, (_, a) => BooleanValue.Of(a[0] is ArrayValue));
        r.Register("is_set", 1, (_, a) => BooleanValue.Of(a[0] is SetValue));
        r.Register("is_object", 1, (_, a) => BooleanValue.Of(a[0] is ObjectValue));
        r.Register("is_null", 1, (_, a) => BooleanValue.Of(a[0] is NullValue));
        r.Register("type_name", 1, (_, a) => TypeNames[(int)a[0].Kind]);
        r.Register("to_number", 1, (_, a) => ToNumber(a[0]));
    }

    private static StringValue Hashed(StringValue value)
    {
        _ = value.GetHashCode();
        return value;
    }

    private static NumberValue ToNumber(Value value)
    {
        switch (value)
        {
            case NullValue:
                return NumberValue.Zero;
            case BooleanValue b:
                return b.Value ? NumberValue.One : NumberValue.Zero;
            case NumberValue n:
                return n;
            case StringValue s:
                var lower = s.Value.TrimStart('+', '-').ToLowerInvariant();
                if (lower is "inf" or "infinity" or "nan")
                {
                    throw new OperandTypeException(1, "valid number string", value);
                }

                var number = ParseGoFloat(s.Value)
                    ?? throw new BuiltinException($"strconv.ParseFloat: parsing {GoQuote(s.Value)}: invalid syntax");

                // OPA keeps the string as the number's text (to_number("1.0") prints as 1.0); here only when it is JSON.
                return NumberValue.TryParseLiteral(s.Value, out var literal) && literal.Equals(number) ? literal : number;
            default:
                throw OperandErrors.Type(1, value, "null", "boolean", "number", "string");
        }
    }

    /// <summary>Parses a decimal number as Go's strconv.ParseFloat accepts it (no hex, no spaces).</summary>
    public static NumberValue? ParseGoFloat(string text)
    {
        var t = text.StartsWith('+') ? text[1..] : text;
        if (t.Length == 0 || t.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+')))
        {
            return null;
        }

        var body = t.StartsWith('-') ? t[1..] : t;
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || body[0] == '.'))
        {
            return null;
        }

        if (NumberValue.TryParse(t, out var n))
        {
            return n;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (!double.IsFinite(d))
            {
                throw new BuiltinException($"strconv.ParseFloat: parsing {GoQuote(text)}: value out of range");
            }

            return NumberValue.Of(d);
        }

        return null;
    }

    /// <summary>Go's %q of a string (close enough for error messages).</summary>
    public static string GoQuote(string text) => StringFormatting.Quote(text);
}
