using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Pii.Scanning;

/// <summary>The report's JSON form (snake_case), as the CLI writes it and the server stores it.</summary>
public static class ScanReportJson
{
    /// <summary>Serializer options for reports.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] Serialize(ScanReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    /// <summary>A report from JSON; throws <see cref="PiiRequestException"/> when it is not one.</summary>
    public static ScanReport Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<ScanReport>(json, Options) ?? throw new PiiRequestException("the report is null");
        }
        catch (JsonException e)
        {
            throw new PiiRequestException($"the report is not valid: {e.Message}");
        }
    }
}
