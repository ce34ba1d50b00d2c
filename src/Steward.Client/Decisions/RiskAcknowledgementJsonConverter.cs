using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Client;

/// <summary>Reads and writes <see cref="RiskAcknowledgement"/> as a JSON string or boolean.</summary>
internal sealed class RiskAcknowledgementJsonConverter : JsonConverter<RiskAcknowledgement>
{
    public override RiskAcknowledgement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => RiskAcknowledgement.FromString(reader.GetString()!),
            JsonTokenType.True => RiskAcknowledgement.FromBoolean(true),
            JsonTokenType.False => RiskAcknowledgement.FromBoolean(false),
            _ => throw new JsonException($"risk_acknowledged must be a string or a boolean, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, RiskAcknowledgement value, JsonSerializerOptions options)
    {
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            writer.WriteBooleanValue(value.Flag ?? false);
        }
    }
}
