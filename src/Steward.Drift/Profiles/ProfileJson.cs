using System.Text.Json;

namespace Steward.Drift.Profiles;

/// <summary>Writes and reads the <c>steward.drift.profile/v1</c> JSON of docs/DRIFT.md; reading errors name the JSON position or path.</summary>
internal static class ProfileJson
{
    public static void Write(DriftProfile profile, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("format", DriftProfile.Format);
        writer.WriteNumber("row_count", profile.RowCount);
        writer.WriteStartObject("options");
        writer.WriteString("mode", ModeName(profile.Options.Mode));
        writer.WriteNumber("exact_limit", profile.Options.ExactLimit);
        writer.WriteNumber("sketch_k", profile.Options.SketchK);
        writer.WriteNumber("max_categories", profile.Options.MaxCategories);
        writer.WriteEndObject();
        writer.WriteStartArray("columns");
        foreach (var column in profile.Columns) WriteColumn(writer, column);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static DriftProfile Read(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new DriftException($"not a drift profile: invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", e);
        }
        using (document)
        {
            var root = new ProfileJsonReader(document.RootElement);
            return root.Read();
        }
    }

    public static string ModeName(ProfileMode mode) => mode switch
    {
        ProfileMode.Exact => "exact",
        ProfileMode.Sketch => "sketch",
        _ => "auto",
    };

    private static void WriteColumn(Utf8JsonWriter writer, ColumnProfile column)
    {
        writer.WriteStartObject();
        writer.WriteString("name", column.Name);
        writer.WriteString("kind", ColumnAccumulator.KindName(column.Kind));
        writer.WriteNumber("count", column.Count);
        writer.WriteNumber("missing", column.MissingCount);
        if (column.Kind == ProfileColumnKind.Labels)
        {
            writer.WriteStartObject("categories");
            foreach (var (label, count) in column.Categories!.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteNumber(label, count);
            writer.WriteEndObject();
            writer.WriteNumber("other", column.OtherCount);
            writer.WriteEndObject();
            return;
        }
        if (column.Count > 0)
        {
            writer.WriteNumber("min", column.Min);
            writer.WriteNumber("max", column.Max);
            writer.WriteNumber("mean", column.Mean);
            writer.WriteNumber("m2", column.M2);
        }
        if (column.ExactArray is { } values)
        {
            writer.WriteStartArray("values");
            foreach (var v in values) writer.WriteNumberValue(v);
            writer.WriteEndArray();
        }
        if (column.ValueCounts is { } counts)
        {
            writer.WriteStartArray("value_counts");
            foreach (var (value, count) in counts.OrderBy(p => p.Key))
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(value);
                writer.WriteNumberValue(count);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        if (column.Sketch is { } sketch)
        {
            writer.WriteStartObject("sketch");
            writer.WriteNumber("k", sketch.K);
            writer.WriteNumber("count", sketch.Count);
            writer.WriteStartArray("levels");
            for (var h = 0; h < sketch.LevelCount; h++)
            {
                writer.WriteStartArray();
                foreach (var v in sketch.Level(h)) writer.WriteNumberValue(v);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
