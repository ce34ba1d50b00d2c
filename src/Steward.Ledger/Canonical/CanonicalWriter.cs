using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Ledger.Canonical;

/// <summary>Writes JSON values in RFC 8785 canonical form.</summary>
internal sealed class CanonicalWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IBufferWriter<byte> _output;

    public CanonicalWriter(IBufferWriter<byte> output) => _output = output;

    public void Write(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                {
                    members.Add((property.Name, property.Value));
                }

                WriteObject(members, static (writer, value) => writer.Write(value));
                break;
            case JsonValueKind.Array:
                WriteByte((byte)'[');
                bool first = true;
                foreach (var item in element.EnumerateArray())
                {
                    WriteSeparator(ref first);
                    Write(item);
                }

                WriteByte((byte)']');
                break;
            case JsonValueKind.String:
                WriteString(GetString(element));
                break;
            case JsonValueKind.Number:
                WriteNumber(element.GetRawText());
                break;
            case JsonValueKind.True:
                WriteAscii("true");
                break;
            case JsonValueKind.False:
                WriteAscii("false");
                break;
            case JsonValueKind.Null:
                WriteAscii("null");
                break;
            default:
                throw new JsonException($"Cannot canonicalize a JSON value of kind {element.ValueKind}.");
        }
    }

    public void Write(JsonNode? node)
    {
        switch (node)
        {
            case null:
                WriteAscii("null");
                break;
            case JsonObject obj:
                WriteObject(Members(obj), static (writer, value) => writer.Write(value));
                break;
            case JsonArray array:
                WriteByte((byte)'[');
                bool first = true;
                foreach (var item in array)
                {
                    WriteSeparator(ref first);
                    Write(item);
                }

                WriteByte((byte)']');
                break;
            case JsonValue value when value.TryGetValue(out JsonElement element):
                Write(element);
                break;
            case JsonValue value when value.TryGetValue(out string? text):
                WriteString(text);
                break;
            case JsonValue value when value.TryGetValue(out bool flag):
                WriteAscii(flag ? "true" : "false");
                break;
            case JsonValue value when value.TryGetValue(out int small):
                WriteInteger(small);
                break;
            case JsonValue value when value.TryGetValue(out long integer):
                WriteInteger(integer);
                break;
            case JsonValue value when value.TryGetValue(out double real):
                WriteDouble(real);
                break;
            default:
                using (var document = JsonDocument.Parse(node.ToJsonString()))
                {
                    Write(document.RootElement);
                }

                break;
        }
    }

    private void WriteObject<T>(List<(string Name, T Value)> members, Action<CanonicalWriter, T> writeValue)
    {
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        WriteByte((byte)'{');
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                {
                    throw new JsonException($"Duplicate object member \"{members[i].Name}\" has no canonical form.");
                }

                WriteByte((byte)',');
            }

            WriteString(members[i].Name);
            WriteByte((byte)':');
            writeValue(this, members[i].Value);
        }

        WriteByte((byte)'}');
    }

    private static List<(string Name, JsonNode? Value)> Members(JsonObject obj)
    {
        try
        {
            return obj.Select(p => (p.Key, p.Value)).ToList();
        }
        catch (ArgumentException ex)
        {
            // A JsonObject parsed from text with a repeated member name fails when first enumerated.
            throw new JsonException("Duplicate object member names have no canonical form.", ex);
        }
    }

    private static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A string is not valid Unicode and has no canonical form.", ex);
        }
    }

    private void WriteSeparator(ref bool first)
    {
        if (!first)
        {
            WriteByte((byte)',');
        }

        first = false;
    }

    private void WriteNumber(string raw) => WriteDouble(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Integers that a double holds exactly are written as they are; larger ones as JCS doubles.</summary>
    private void WriteInteger(long value)
    {
        const long Exact = 1L << 53;
        if (value is > Exact or < -Exact)
        {
            WriteDouble(value);
            return;
        }

        Span<char> text = stackalloc char[20];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        WriteAscii(text[..written]);
    }

    private void WriteDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException("Non-finite numbers have no canonical form.");
        }

        Span<char> text = stackalloc char[CanonicalNumber.MaxLength];
        int length = CanonicalNumber.Format(value, text);
        WriteAscii(text[..length]);
    }

    private void WriteString(string value)
    {
        WriteByte((byte)'"');
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            WriteUtf8(value.AsSpan(runStart, i - runStart));
            runStart = i + 1;
            switch (c)
            {
                case '"': WriteAscii("\\\""); break;
                case '\\': WriteAscii("\\\\"); break;
                case '\b': WriteAscii("\\b"); break;
                case '\f': WriteAscii("\\f"); break;
                case '\n': WriteAscii("\\n"); break;
                case '\r': WriteAscii("\\r"); break;
                case '\t': WriteAscii("\\t"); break;
                default: WriteAscii("\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
            }
        }

        WriteUtf8(value.AsSpan(runStart));
        WriteByte((byte)'"');
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        try
        {
            var span = _output.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
            _output.Advance(StrictUtf8.GetBytes(text, span));
        }
        catch (EncoderFallbackException ex)
        {
            throw new JsonException("A string holds a lone surrogate and has no canonical form.", ex);
        }
    }

    private void WriteAscii(ReadOnlySpan<char> text)
    {
        var span = _output.GetSpan(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _output.Advance(text.Length);
    }

    private void WriteByte(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }
}
