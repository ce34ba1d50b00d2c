using System.Globalization;
using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>json.verify_schema and json.match_schema (JSON Schema drafts 4 to 7, gojsonschema's error objects).</summary>
internal static class JsonSchemaBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("json.verify_schema", 1, (_, a) => Verify(a[0]));
        r.Register("json.match_schema", 2, (_, a) => Match(a[0], a[1]));
    }

    private static ArrayValue Verify(Value schema)
    {
        try
        {
            SchemaNode.Compile(Load(schema));
            return new ArrayValue([BooleanValue.True, NullValue.Instance]);
        }
        catch (BuiltinException e)
        {
            return new ArrayValue([BooleanValue.False, new StringValue("jsonschema: " + e.Message)]);
        }
    }

    private static ArrayValue Match(Value document, Value schema)
    {
        var doc = Load(document);
        var compiled = SchemaNode.Compile(Load(schema));
        var result = SchemaValidator.Validate(compiled, doc);
        return new ArrayValue([BooleanValue.Of(result.Valid), new ArrayValue([.. result.Errors])]);
    }

    private static Value Load(Value value) => value switch
    {
        StringValue s => JsonBuiltins.TryParse(s.Value, out var parsed, out _) ? parsed : throw new BuiltinException("invalid JSON string"),
        ObjectValue or ArrayValue => value,
        _ => throw new BuiltinException("wrong type, expected string or object"),
    };

    /// <summary>A value as JSON with numbers normalised (gojsonschema's marshalWithoutNumber), for const, enum and uniqueItems.</summary>
    public static string Canonical(Value value) => GoJson.Marshal(Normalize(value));

    private static Value Normalize(Value value) => value switch
    {
        NumberValue n => n.Canonical,
        SetValue s => new ArrayValue([.. s.Items.ToArray().Select(Normalize)]),
        ArrayValue a => new ArrayValue([.. a.Items.ToArray().Select(Normalize)]),
        ObjectValue o => ObjectValue.From(Enumerable.Range(0, o.Count).Select(i => new KeyValuePair<Value, Value>(o.Keys[i], Normalize(o.Values[i])))),
        _ => value,
    };

    public static (BigInteger N, BigInteger D) Rational(NumberValue n)
    {
        if (n.TryGetBigInteger(out var i))
        {
            return (i, BigInteger.One);
        }

        var text = n.ToJsonText();
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var scale = (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
        var numerator = BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return scale >= 0 ? (numerator, BigInteger.Pow(10, scale)) : (numerator * BigInteger.Pow(10, -scale), BigInteger.One);
    }

    /// <summary>A rational as big.Float's %v prints it (10 significant digits, %g style).</summary>
    public static string FormatRational((BigInteger N, BigInteger D) r) =>
        r.D.IsOne ? GoFloat.Format((double)r.N, 'g', 10) : GoFloat.Format((double)r.N / (double)r.D, 'g', 10);

    /// <summary>The formats gojsonschema checks; unknown formats pass.</summary>
    public static bool IsFormat(string format, string value) => format switch
    {
        "email" => value.Contains('@', StringComparison.Ordinal) && System.Net.Mail.MailAddress.TryCreate(value, out _),
        "ipv4" => GoIP.Parse(value) is { Length: 4 },
        "ipv6" => value.Contains(':', StringComparison.Ordinal) && GoIP.Parse(value) is { Length: 16 },
        "date-time" => TryTime("2006-01-02T15:04:05Z07:00", value),
        "date" => TryTime("2006-01-02", value),
        "time" => TryTime("15:04:05Z07:00", value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "uri-reference" => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _),
        "uuid" => System.Text.RegularExpressions.Regex.IsMatch(value, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)),
        "regex" => Re2Regex.IsValid(value),
        "hostname" => value.Length is > 0 and <= 255 && value.Split('.').All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-'),
        _ => true,
    };

    private static bool TryTime(string layout, string value)
    {
        try
        {
            GoTimeParse.Parse(layout, value);
            return true;
        }
        catch (BuiltinException)
        {
            return false;
        }
    }
}
