using System.Text;
using System.Text.Json;

namespace Steward.Policy.Values;

/// <summary>Formats values in Rego syntax, as OPA prints them (e.g. in <c>sprintf</c>'s <c>%v</c>).</summary>
internal static class ValueFormatter
{
    public static string Format(Value value)
    {
        if (value is StringValue s)
        {
            return Quote(s.Value);
        }

        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case NullValue:
                builder.Append("null");
                break;
            case BooleanValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case NumberValue n:
                builder.Append(n.ToJsonText());
                break;
            case StringValue s:
                builder.Append(Quote(s.Value));
                break;
            case ArrayValue a:
                builder.Append('[');
                AppendItems(builder, a.Items);
                builder.Append(']');
                break;
            case SetValue set when set.Count == 0:
                builder.Append("set()");
                break;
            case SetValue set:
                builder.Append('{');
                AppendItems(builder, set.Items);
                builder.Append('}');
                break;
            case ObjectValue o:
                builder.Append('{');
                var keys = o.Keys;
                var values = o.Values;
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, keys[i]);
                    builder.Append(": ");
                    Append(builder, values[i]);
                }

                builder.Append('}');
                break;
        }
    }

    private static void AppendItems(StringBuilder builder, ReadOnlySpan<Value> items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, items[i]);
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions.Instance);

    private static class QuoteOptions
    {
        public static readonly JsonSerializerOptions Instance = new()
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
