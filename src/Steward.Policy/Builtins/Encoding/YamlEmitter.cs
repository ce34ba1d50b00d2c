using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>Writes values as YAML in go-yaml v2's block style (sorted keys, unindented sequences, quoted ambiguous strings).</summary>
internal static class YamlEmitter
{
    public static string Emit(Value value)
    {
        var builder = new StringBuilder();
        switch (value)
        {
            case ObjectValue o when o.Count > 0:
                WriteMap(builder, o, 0);
                break;
            case ArrayValue or SetValue when Items(value).Length > 0:
                WriteSeq(builder, Items(value), 0);
                break;
            default:
                builder.Append(Inline(value, 2)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static ReadOnlySpan<Value> Items(Value value) => value is ArrayValue a ? a.Items : ((SetValue)value).Items;

    private static bool IsBlock(Value value) => value switch
    {
        ObjectValue o => o.Count > 0,
        ArrayValue a => a.Count > 0,
        SetValue s => s.Count > 0,
        _ => false,
    };

    private static void WriteMap(StringBuilder b, ObjectValue o, int indent)
    {
        var entries = new List<(string Key, Value Value)>();
        for (var i = 0; i < o.Count; i++)
        {
            entries.Add((o.Keys[i] is StringValue s ? s.Value : GoJson.Marshal(o.Keys[i]), o.Values[i]));
        }

        entries.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        var first = true;
        foreach (var (key, value) in entries)
        {
            if (!first)
            {
                b.Append(' ', indent);
            }

            first = false;
            b.Append(Scalar(key)).Append(':');
            switch (value)
            {
                case ObjectValue child when child.Count > 0:
                    b.Append('\n').Append(' ', indent + 2);
                    WriteMap(b, child, indent + 2);
                    break;
                case ArrayValue or SetValue when IsBlock(value):
                    b.Append('\n').Append(' ', indent);
                    WriteSeq(b, Items(value), indent);
                    break;
                default:
                    b.Append(' ').Append(Inline(value, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteSeq(StringBuilder b, ReadOnlySpan<Value> items, int indent)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                b.Append(' ', indent);
            }

            first = false;
            b.Append("- ");
            switch (item)
            {
                case ObjectValue child when child.Count > 0:
                    WriteMap(b, child, indent + 2);
                    break;
                case ArrayValue or SetValue when IsBlock(item):
                    WriteSeq(b, Items(item), indent + 2);
                    break;
                default:
                    b.Append(Inline(item, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static string Inline(Value value, int indent) => value switch
    {
        NullValue => "null",
        BooleanValue v => v.Value ? "true" : "false",
        // OPA's YAML goes through float64, so a literal 1.0 or 1e3 prints as 1 or 1000.
        NumberValue n => n.IsInteger && !n.IsFloatLiteral ? n.ToJsonText() : GoFloat.Format(n.AsDouble, 'g', -1),
        StringValue s when s.Value.Contains('\n', StringComparison.Ordinal) => Literal(s.Value, indent),
        StringValue s => Scalar(s.Value),
        ObjectValue => "{}",
        _ => "[]",
    };

    private static string Literal(string text, int indent)
    {
        var keep = text.EndsWith('\n') ? (text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : string.Empty) : "-";
        var body = keep == "-" ? text : text.TrimEnd('\n');
        var lines = body.Split('\n');
        var b = new StringBuilder("|");
        if (lines.Length > 0 && lines[0].StartsWith(' '))
        {
            b.Append('2');
        }

        b.Append(keep);
        foreach (var line in lines)
        {
            b.Append('\n');
            if (line.Length > 0)
            {
                b.Append(' ', indent).Append(line);
            }
        }

        if (keep == "+")
        {
            for (var i = text.Length - 1; i > 0 && text[i - 1] == '\n'; i--)
            {
                b.Append('\n');
            }
        }

        return b.ToString();
    }

    private static string Scalar(string text)
    {
        if (YamlBuiltinsResolvesToString(text) && PlainAllowed(text))
        {
            return text;
        }

        if (!YamlBuiltinsResolvesToString(text) || text.Any(c => char.IsControl(c) && c != '\t'))
        {
            var b = new StringBuilder("\"");
            foreach (var c in text)
            {
                b.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    _ when c < 0x20 => "\\x" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            return b.Append('"').ToString();
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool YamlBuiltinsResolvesToString(string text)
    {
        try
        {
            return ValueYaml.Resolve(text) is StringValue && !IsBase60(text);
        }
        catch (BuiltinException)
        {
            return false;
        }
    }

    private static bool IsBase60(string text) =>
        text.Contains(':', StringComparison.Ordinal) && text.Split(':').All(p => p.Length > 0 && p.All(c => char.IsAsciiDigit(c) || c is '.' or '_' or '+' or '-'));

    private static bool PlainAllowed(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        if ("#,[]{}&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (text[0] is '-' or '?' or ':' && (text.Length == 1 || text[1] == ' '))
        {
            return false;
        }

        if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':')
            && !text.Any(c => char.IsControl(c) || c == '\t');
    }
}
