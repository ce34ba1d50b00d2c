using System.Text.Json;
using Steward.Pii.Anonymization;

namespace Steward.Server.Pii;

/// <summary>Reads Presidio's <c>/anonymize</c> and <c>/deanonymize</c> request parts: spans and operator maps.</summary>
internal static class AnonymizeRequest
{
    private static readonly string[] SpanFields = ["entity_type", "start", "end", "score", "analysis_explanation", "recognition_metadata", "text", "operator"];
    private static readonly string[] OperatorFields = ["type", "new_value", "masking_char", "chars_to_mask", "from_end", "hash_type", "salt", "key"];

    public static List<EntitySpan> Spans(JsonFields body, string field, bool scoreRequired)
    {
        return [.. body.Objects(field).Select(s =>
        {
            s.OnlyKnown(SpanFields);
            var start = s.Integer("start") ?? throw new PiiHttpException($"'{field}': every result needs 'start'");
            var end = s.Integer("end") ?? throw new PiiHttpException($"'{field}': every result needs 'end'");
            var score = s.Number("score");
            if (scoreRequired && score is null) throw new PiiHttpException($"'{field}': every result needs 'score'");
            return new EntitySpan(s.RequiredString("entity_type"), start, end, score ?? 1.0);
        })];
    }

    public static Dictionary<string, OperatorConfig>? Operators(JsonFields body, string field)
    {
        var map = body.Object(field);
        if (map is null) return null;
        var result = new Dictionary<string, OperatorConfig>(StringComparer.Ordinal);
        foreach (var entry in map.Value.Element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object) throw new PiiHttpException($"'{field}.{entry.Name}' must be an object with a 'type'");
            var o = new JsonFields(entry.Value, $"{field}.{entry.Name}: ");
            o.OnlyKnown(OperatorFields);
            result[entry.Name] = new OperatorConfig(o.RequiredString("type"))
            {
                NewValue = o.String("new_value"),
                MaskingChar = o.String("masking_char"),
                CharsToMask = o.Integer("chars_to_mask"),
                FromEnd = o.Boolean("from_end"),
                HashType = o.String("hash_type"),
                Salt = o.String("salt"),
                Key = o.String("key"),
            };
        }
        return result;
    }

    public static ConflictResolution Conflict(JsonFields body) => body.String("conflict_resolution") switch
    {
        null or "merge_similar_or_contained" => ConflictResolution.MergeSimilarOrContained,
        "remove_intersections" => ConflictResolution.RemoveIntersections,
        var other => throw new PiiHttpException($"'conflict_resolution' must be 'merge_similar_or_contained' or 'remove_intersections', not '{other}'"),
    };
}
