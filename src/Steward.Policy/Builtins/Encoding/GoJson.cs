using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>JSON text as Go's encoding/json writes it: sorted keys, HTML-safe escapes, optional MarshalIndent layout.</summary>
internal static class GoJson
{
    public static string Marshal(Value value, string? prefix = null, string? indent = null)
    {
        var builder = new StringBuilder();
        Write(builder, value, prefix, indent, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, Value value, string? prefix, string? indent, int depth)
    {
        switch (value)
        {
            case NullValue:
                b.Append("null");
                break;
            case BooleanValue v:
                b.Append(v.Value ? "true" : "false");
                break;
            case NumberValue n:
                b.Append(n.ToJsonText());
                break;
            case StringValue s:
                WriteString(b, s.Value);
                break;
            case ArrayValue a:
                WriteList(b, a.Items, prefix, indent, depth);
                break;
            case SetValue s:
                WriteList(b, s.Items, prefix, indent, depth);
                break;
            case ObjectValue o:
                var entries = new List<(string Key, Value Value)>(o.Count);
                for (var i = 0; i < o.Count; i++)
                {
                    entries.Add((o.Keys[i] is StringValue ks ? ks.Value : Marshal(o.Keys[i]), o.Values[i]));
                }

                entries.Sort((x, y) => CompareUtf8(x.Key, y.Key));
                if (entries.Count == 0)
                {
                    b.Append("{}");
                    break;
                }

                b.Append('{');
                for (var i = 0; i < entries.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }

                    NewLine(b, prefix, indent, depth + 1);
                    WriteString(b, entries[i].Key);
                    b.Append(indent is null ? ":" : ": ");
                    Write(b, entries[i].Value, prefix, indent, depth + 1);
                }

                NewLine(b, prefix, indent, depth);
                b.Append('}');
                break;
        }
    }

    private static void WriteList(StringBuilder b, ReadOnlySpan<Value> items, string? prefix, string? indent, int depth)
    {
        if (items.Length == 0)
        {
            b.Append("[]");
            return;
        }

        b.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            NewLine(b, prefix, indent, depth + 1);
            Write(b, items[i], prefix, indent, depth + 1);
        }

        NewLine(b, prefix, indent, depth);
        b.Append(']');
    }

    private static void NewLine(StringBuilder b, string? prefix, string? indent, int depth)
    {
        if (indent is null)
        {
            return;
        }

        b.Append('\n').Append(prefix);
        for (var i = 0; i < depth; i++)
        {
            b.Append(indent);
        }
    }

    private static int CompareUtf8(string x, string y) =>
        Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y));

    public static void WriteString(StringBuilder b, string s)
    {
        const string hex = "0123456789abcdef";
        b.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': b.Append("\\\""); continue;
                case '\\': b.Append("\\\\"); continue;
                case '\n': b.Append("\\n"); continue;
                case '\r': b.Append("\\r"); continue;
                case '\t': b.Append("\\t"); continue;
                case '\b': b.Append("\\b"); continue;
                case '\f': b.Append("\\f"); continue;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    b.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    continue;
            }

            if (c < 0x20)
            {
                b.Append("\\u00").Append(hex[c >> 4]).Append(hex[c & 15]);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                b.Append("\\ufffd");
            }
            else
            {
                b.Append(c);
            }
        }

        b.Append('"');
    }
}
