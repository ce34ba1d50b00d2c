using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Steward.Policy.Values;

/// <summary>Converts between JSON and Rego values.</summary>
public static class ValueJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Parses JSON text into a value.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static Value Parse(string json, int maxDepth = 256)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), maxDepth);
    }

    /// <summary>Parses UTF-8 JSON into a value.</summary>
    /// <param name="utf8">The JSON bytes.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The bytes are not one JSON value.</exception>
    public static Value Parse(ReadOnlySpan<byte> utf8, int maxDepth = 256)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        if (!reader.Read())
        {
            throw new JsonException("The JSON text is empty.");
        }

        var value = Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The JSON text holds more than one value.");
        }

        return value;
    }

    /// <summary>Reads the value at the reader's current token (which must already be read).</summary>
    /// <param name="reader">The reader, positioned on the first token of the value.</param>
    /// <returns>The value; the reader is left on its last token.</returns>
    public static Value Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return NullValue.Instance;
            case JsonTokenType.True:
                return BooleanValue.True;
            case JsonTokenType.False:
                return BooleanValue.False;
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.String:
            {
                // As many UTF-16 chars as UTF-8 bytes (unescaped) means every char is ASCII.
                var text = reader.GetString()!;
                return new StringValue(text, !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length == text.Length);
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader));
                }

                return items.Count == 0 ? ArrayValue.Empty : new ArrayValue([.. items]);
            }

            case JsonTokenType.StartObject:
            {
                var builder = new ObjectBuilder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = ReadKey(ref reader);
                    reader.Read();
                    builder.Set(key, Read(ref reader));
                }

                return builder.Build();
            }

            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    /// <summary>
    /// An object key: the shared instance when a policy uses the same string as a constant (no allocation, and
    /// lookups confirm it by reference), else a new string, hashed once here so that a lookup by a policy's
    /// constant key passes over the object's other keys by comparing hashes, not characters.
    /// </summary>
    private static StringValue ReadKey(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && reader.ValueSpan.Length <= KnownStrings.MaxLength)
        {
            Span<char> chars = stackalloc char[KnownStrings.MaxLength];
            var length = reader.CopyString(chars);
            if (KnownStrings.TryGet(chars[..length], out var known))
            {
                return known;
            }

            var fresh = new StringValue(new string(chars[..length]), !reader.ValueIsEscaped && reader.ValueSpan.Length == length);
            _ = fresh.GetHashCode();
            return fresh;
        }

        var key = new StringValue(reader.GetString()!);
        _ = key.GetHashCode();
        return key;
    }

    /// <summary>Converts a parsed JSON element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The value.</returns>
    public static Value FromElement(JsonElement element) => Parse(Encoding.UTF8.GetBytes(element.GetRawText()));

    /// <summary>
    /// Writes a value as JSON (sets as sorted arrays; non-string object keys as their JSON text; numbers read from
    /// literals with a fraction or exponent as written, as OPA writes them).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, Value value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case NullValue:
                writer.WriteNullValue();
                break;
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case NumberValue { IsFloatLiteral: false } n when n.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case NumberValue { IsFloatLiteral: false, IsInteger: false } n:
                WriteDouble(writer, n.AsDouble);
                break;
            case NumberValue n:
                writer.WriteRawValue(n.ToJsonText(), skipInputValidation: true);
                break;
            case StringValue s:
                writer.WriteStringValue(s.Value);
                break;
            case ArrayValue a:
                writer.WriteStartArray();
                foreach (var item in a.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case SetValue set:
                writer.WriteStartArray();
                foreach (var item in set.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ObjectValue o:
                writer.WriteStartObject();
                var keys = o.Keys;
                var values = o.Values;
                for (var i = 0; i < keys.Length; i++)
                {
                    writer.WritePropertyName(keys[i] is StringValue ks ? ks.Value : Serialize(keys[i]));
                    Write(writer, values[i]);
                }

                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>The value as compact JSON text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(Value value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A double in shortest round-trip form with Go's lower-case exponent (1e-05, as OPA writes it).</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        Span<byte> buffer = stackalloc byte[32];
        if (!value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            writer.WriteNumberValue(value);
            return;
        }

        var text = buffer[..written];
        var e = text.IndexOf((byte)'E');
        if (e >= 0)
        {
            text[e] = (byte)'e';
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    private static NumberValue ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var l))
        {
            return NumberValue.Of(l);
        }

        Span<char> chars = stackalloc char[64];
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        var text = raw.Length <= chars.Length ? chars[..Encoding.UTF8.GetChars(raw, chars)] : Encoding.UTF8.GetString(raw).AsSpan();
        if (!NumberValue.TryParseLiteral(text, out var number))
        {
            throw new JsonException("A JSON number is out of range.");
        }

        return number;
    }
}
