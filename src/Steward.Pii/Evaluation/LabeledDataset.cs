using System.Text.Json;

namespace Steward.Pii.Evaluation;

/// <summary>
/// Reads labelled data in presidio-research's JSON format: an array of samples, each with <c>full_text</c> and
/// <c>spans</c> of <c>{entity_type, start_position, end_position}</c> (other fields are ignored). A malformed
/// file is refused with the sample index and what is wrong, never half read.
/// </summary>
public static class LabeledDataset
{
    /// <summary>Loads a file.</summary>
    public static IReadOnlyList<LabeledSample> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads from a stream.</summary>
    public static IReadOnlyList<LabeledSample> Load(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException("expected a JSON array of samples (presidio-research format)");
            var samples = new List<LabeledSample>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                samples.Add(ReadSample(element, index));
                index++;
            }
            return samples;
        }
    }

    private static LabeledSample ReadSample(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Bad(index, "is not an object");
        if (!element.TryGetProperty("full_text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            throw Bad(index, "has no string field full_text");
        var text = textElement.GetString()!;
        var spans = new List<LabeledSpan>();
        if (element.TryGetProperty("spans", out var spansElement) && spansElement.ValueKind != JsonValueKind.Null)
        {
            if (spansElement.ValueKind != JsonValueKind.Array) throw Bad(index, "field spans is not an array");
            foreach (var span in spansElement.EnumerateArray())
            {
                if (span.ValueKind != JsonValueKind.Object
                    || !span.TryGetProperty("entity_type", out var type) || type.ValueKind != JsonValueKind.String
                    || !span.TryGetProperty("start_position", out var start) || !start.TryGetInt32(out var s)
                    || !span.TryGetProperty("end_position", out var end) || !end.TryGetInt32(out var e))
                    throw Bad(index, "has a span without entity_type, start_position and end_position");
                if (s < 0 || e > text.Length || e <= s)
                    throw Bad(index, $"has a span [{s},{e}) outside its text of {text.Length} characters");
                spans.Add(new LabeledSpan(type.GetString()!, s, e));
            }
        }
        return new LabeledSample(index, text, spans);
    }

    private static FormatException Bad(int index, string what) => new($"sample {index} {what}");
}
