using System.Text.Json;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>json.marshal, json.marshal_with_options, json.unmarshal, json.is_valid.</summary>
internal static class JsonBuiltins
{
    private const int MaxDepth = 1000;

    public static void Register(BuiltinRegistry r)
    {
        r.Register("json.marshal", 1, (_, a) => new StringValue(GoJson.Marshal(a[0])));
        r.Register("json.marshal_with_options", 2, (_, a) => MarshalWithOptions(a[0], Operand.Object(a, 1)));
        r.Register("json.unmarshal", 1, (_, a) => Unmarshal(Operand.String(a, 0)));
        r.Register("json.is_valid", 1, (c, a) => BooleanValue.Of(a[0] is StringValue s && TryParse(s.Value, out _, out _)));
    }

    public static bool TryParse(string text, out Value value, out string error)
    {
        try
        {
            value = ValueJson.Parse(text, MaxDepth);
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            value = NullValue.Instance;
            error = e.Message;
            return false;
        }
    }

    private static Value Unmarshal(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new BuiltinException(GoJsonSyntax.Check(text) ?? error);

    private static StringValue MarshalWithOptions(Value value, ObjectValue options)
    {
        var indent = "\t";
        var prefix = string.Empty;
        var implicitPretty = false;
        bool? explicitPretty = null;
        for (var i = 0; i < options.Count; i++)
        {
            if (options.Keys[i] is not StringValue key)
            {
                throw OperandErrors.Other(2, $"failed to stringify key {options.Keys[i]} at index {i}: operand {i} must be string but got {options.Keys[i].TypeName}");
            }

            var v = options.Values[i];
            switch (key.Value)
            {
                case "prefix":
                    prefix = v is StringValue p ? p.Value : throw OperandErrors.Other(2, $"key prefix failed cast to string: operand {i} must be string but got {v.TypeName}");
                    implicitPretty = true;
                    break;
                case "indent":
                    indent = v is StringValue ind ? ind.Value : throw OperandErrors.Other(2, $"key indent failed cast to string: operand {i} must be string but got {v.TypeName}");
                    implicitPretty = true;
                    break;
                case "pretty":
                    explicitPretty = v is BooleanValue b ? b.Value : throw OperandErrors.Other(2, "key pretty failed cast to bool");
                    break;
                default:
                    throw OperandErrors.Other(2, $"object contained unknown key {key.Value}");
            }
        }

        var pretty = explicitPretty ?? implicitPretty;
        return new StringValue(pretty ? prefix + GoJson.Marshal(value, prefix, indent) : GoJson.Marshal(value));
    }
}
