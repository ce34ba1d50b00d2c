using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>urlquery.encode, decode, encode_object and decode_object with Go's net/url rules.</summary>
internal static class UrlQueryBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("urlquery.encode", 1, (_, a) => new StringValue(Escape(Operand.String(a, 0))));
        r.Register("urlquery.decode", 1, (_, a) => new StringValue(Unescape(Operand.String(a, 0))));
        r.Register("urlquery.encode_object", 1, (_, a) => new StringValue(EncodeObject(a[0])));
        r.Register("urlquery.decode_object", 1, (_, a) => DecodeObject(Operand.String(a, 0)));
    }

    /// <summary>Go's url.QueryEscape.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Go's url.QueryUnescape.</summary>
    public static string Unescape(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '%')
            {
                if (i + 2 >= bytes.Length || Hex(bytes[i + 1]) < 0 || Hex(bytes[i + 2]) < 0)
                {
                    var rest = Encoding.UTF8.GetString(bytes, i, Math.Min(3, bytes.Length - i));
                    throw new BuiltinException($"invalid URL escape {StringFormatting.Quote(rest)}");
                }

                output.Add((byte)((Hex(bytes[i + 1]) << 4) | Hex(bytes[i + 2])));
                i += 2;
            }
            else
            {
                output.Add(b == '+' ? (byte)' ' : b);
            }
        }

        return Encoding.UTF8.GetString([.. output]);
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static string EncodeObject(Value value)
    {
        if (value is not ObjectValue obj)
        {
            throw new OperandTypeException(1, "object", value);
        }

        var pairs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.Keys[i] is StringValue ks ? ks.Value : obj.Keys[i].ToJson();
            var list = new List<string>();
            switch (obj.Values[i])
            {
                case StringValue s:
                    list.Add(s.Value);
                    break;
                case ArrayValue or SetValue:
                    foreach (var item in obj.Values[i] is ArrayValue a ? a.Items : ((SetValue)obj.Values[i]).Items)
                    {
                        list.Add(item is StringValue si ? si.Value : throw ObjectError());
                    }

                    break;
                default:
                    throw ObjectError();
            }

            pairs[key] = list;
        }

        var builder = new StringBuilder();
        foreach (var (key, values) in pairs)
        {
            foreach (var v in values)
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append(Escape(key)).Append('=').Append(Escape(v));
            }
        }

        return builder.ToString();
    }

    private static OperandTypeException ObjectError() => OperandErrors.Other(1, "values must be string, array[string], or set[string]");

    private static ObjectValue DecodeObject(string query)
    {
        var result = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        string? firstError = null;
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part.Contains(';', StringComparison.Ordinal))
            {
                firstError ??= "invalid semicolon separator in query";
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var rawKey = eq < 0 ? part : part[..eq];
            var rawValue = eq < 0 ? string.Empty : part[(eq + 1)..];
            try
            {
                var key = Unescape(rawKey);
                var value = Unescape(rawValue);
                if (!result.TryGetValue(key, out var list))
                {
                    list = [];
                    result[key] = list;
                }

                list.Add(new StringValue(value));
            }
            catch (BuiltinException e)
            {
                firstError ??= e.Message;
            }
        }

        if (firstError is not null)
        {
            throw new BuiltinException(firstError);
        }

        return ObjectValue.From(result.Select(kv => new KeyValuePair<string, Value>(kv.Key, new ArrayValue([.. kv.Value]))));
    }
}
