using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>Writes results as text for people or as JSON (<c>--json</c>) for scripts.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions Indented = new(StewardJson.Options) { WriteIndented = true };

    private static readonly JsonSerializerOptions Compact = new(StewardJson.Options) { WriteIndented = false };

    public static void Json<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, Indented));

    /// <summary>Writes one record as JSON or as <c>name: value</c> lines.</summary>
    public static void Record<T>(TextWriter writer, T value, bool json)
    {
        if (json)
        {
            Json(writer, value);
        }
        else
        {
            Fields(writer, value);
        }
    }

    /// <summary>Writes the members of a record as aligned <c>name: value</c> lines, in wire names.</summary>
    public static void Fields<T>(TextWriter writer, T value)
    {
        if (StewardJson.ToJsonNode(value) is not JsonObject node)
        {
            writer.WriteLine(value?.ToString());
            return;
        }

        var width = node.Select(p => p.Key.Length).DefaultIfEmpty(0).Max() + 1;
        foreach (var (name, member) in node)
        {
            writer.WriteLine($"{(name + ":").PadRight(width)} {Text(member)}");
        }
    }

    /// <summary>Writes a table: a header row and one row per item, columns padded to their widest cell.</summary>
    public static void Table<T>(TextWriter writer, IEnumerable<T> items, params (string Header, Func<T, object?> Value)[] columns)
    {
        var rows = items.Select(item => columns.Select(c => Cell(c.Value(item))).ToArray()).ToList();
        var widths = columns.Select((c, i) => rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        writer.WriteLine(Row(columns.Select(c => c.Header).ToArray(), widths));
        foreach (var row in rows)
        {
            writer.WriteLine(Row(row, widths));
        }
    }

    /// <summary>Writes a page: a table (or the page as JSON) and, in text, how to get the next page.</summary>
    public static void Page<T>(TextWriter writer, Page<T> page, bool json, params (string Header, Func<T, object?> Value)[] columns)
    {
        if (json)
        {
            Json(writer, page);
            return;
        }

        Table(writer, page.Items, columns);
        if (page.NextCursor is not null)
        {
            writer.WriteLine($"(more: --cursor {page.NextCursor})");
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();

    private static string Cell(object? value) => value switch
    {
        null => "-",
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => ErrorLine.OneLine(value.ToString() ?? "-"),
    };

    private static string Text(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(Compact),
    };
}
