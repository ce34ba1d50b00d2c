using System.IO.Compression;
using System.Text.Json;

namespace Steward.Drift.Tests.StatTests;

/// <summary>One case of Fixtures/stattests.json.gz (generated with SciPy by eng/drift-fixtures/generate.py).</summary>
public sealed record GoldenCase(string Name, string StatTest, string ColumnType, bool Labels, JsonElement Reference, JsonElement Current, double? Score, double? Statistic)
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(Load);

    public static IReadOnlyList<GoldenCase> All => Cases.Value;

    public override string ToString() => Name;

    public DriftColumn Column(bool reference)
    {
        var values = reference ? Reference : Current;
        if (Labels) return DriftColumn.FromLabels("x", values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToArray());
        return DriftColumn.FromNumbers("x", values.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            _ => v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) },
        }).ToArray());
    }

    private static IReadOnlyList<GoldenCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "stattests.json.gz");
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new GoldenCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("stattest").GetString()!,
            c.GetProperty("column_type").GetString()!,
            c.GetProperty("labels").GetBoolean(),
            c.GetProperty("reference").Clone(),
            c.GetProperty("current").Clone(),
            c.GetProperty("score").ValueKind == JsonValueKind.Null ? null : c.GetProperty("score").GetDouble(),
            c.GetProperty("statistic").ValueKind == JsonValueKind.Null ? null : c.GetProperty("statistic").GetDouble())).ToArray();
    }
}
