using Steward.Pii.Anonymization.Operators;

namespace Steward.Pii.Anonymization;

/// <summary>
/// Presidio's anonymizer: resolves overlapping spans as Presidio does (<see cref="ConflictResolution"/>), then
/// applies each entity type's operator (or the <c>DEFAULT</c> one, or <c>replace</c>) from the last span to the
/// first, and reports every replacement with its position in the output text. Stateless and thread-safe.
/// </summary>
public sealed class AnonymizerEngine
{
    /// <summary>Anonymizes <paramref name="text"/>; throws <see cref="PiiRequestException"/> for a bad span or operator.</summary>
    public AnonymizerResult Anonymize(string text, IEnumerable<EntitySpan> spans, IReadOnlyDictionary<string, OperatorConfig>? operators = null,
        ConflictResolution conflictResolution = ConflictResolution.MergeSimilarOrContained)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var list = spans.ToList();
        Check(text, list);
        var resolved = ConflictResolver.Resolve(text, list, conflictResolution);
        var configs = operators ?? new Dictionary<string, OperatorConfig>();
        var byType = Prepare(configs, OperatorCatalog.Anonymizer, OperatorConfig.DefaultReplace);
        return Operate(text, resolved, type => byType(type) ?? throw new InvalidOperationException("replace is the default"));
    }

    /// <summary>Deanonymizes <paramref name="text"/> (an anonymization's output) at <paramref name="spans"/> with <paramref name="operators"/> (<c>decrypt</c>).</summary>
    public AnonymizerResult Deanonymize(string text, IEnumerable<EntitySpan> spans, IReadOnlyDictionary<string, OperatorConfig> operators)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(operators);
        var list = spans.ToList();
        Check(text, list);
        var byType = Prepare(operators, OperatorCatalog.Deanonymizer, null);
        return Operate(text, [.. list.Select(s => new WorkingSpan(s))], type => byType(type)
            ?? throw new PiiRequestException($"Invalid input, no deanonymizer for entity type '{type}' (give one for it or for DEFAULT)"));
    }

    private static Func<string, (Operator, OperatorConfig)?> Prepare(IReadOnlyDictionary<string, OperatorConfig> configs,
        Func<string, Operator> lookup, OperatorConfig? fallback)
    {
        var prepared = new Dictionary<string, (Operator, OperatorConfig)>(StringComparer.Ordinal);
        foreach (var (entityType, config) in configs)
        {
            if (string.IsNullOrEmpty(entityType)) throw new PiiRequestException("Invalid input, an operator's entity type is empty");
            var op = lookup(config.Type);
            op.Validate(config);
            prepared[entityType] = (op, config);
        }
        if (!prepared.ContainsKey(OperatorNames.Default) && fallback is not null)
            prepared[OperatorNames.Default] = (lookup(fallback.Type), fallback);
        return type => prepared.TryGetValue(type, out var p) || prepared.TryGetValue(OperatorNames.Default, out p) ? p : null;
    }

    private static void Check(string text, List<EntitySpan> spans)
    {
        foreach (var s in spans)
        {
            if (s is null) throw new PiiRequestException("Invalid input, a result is null");
            if (string.IsNullOrEmpty(s.EntityType)) throw new PiiRequestException("Invalid input, result entity_type is required");
            if (s.Start < 0 || s.End < 0) throw new PiiRequestException("Invalid input, result start and end must be positive");
            if (s.Start > s.End) throw new PiiRequestException($"Invalid input, start index '{s.Start}' must be smaller than end index '{s.End}'");
            if (s.End > text.Length)
                throw new PiiRequestException($"Invalid analyzer result, start: {s.Start} and end: {s.End}, while text length is only {text.Length}.");
            if (double.IsNaN(s.Score)) throw new PiiRequestException("Invalid input, result score must be a number");
        }
    }

    private static AnonymizerResult Operate(string text, List<WorkingSpan> spans, Func<string, (Operator Op, OperatorConfig Config)?> operatorFor)
    {
        // Right to left (Presidio sorts by start, then end, descending; ties keep their order).
        var ordered = spans.Select((s, i) => (s, i)).OrderByDescending(p => p.s.Start).ThenByDescending(p => p.s.End).ThenBy(p => p.i).Select(p => p.s);
        var replacer = new TextReplacer(text);
        var pending = new List<(AnonymizedItem Item, int FromEnd)>(spans.Count);
        foreach (var span in ordered)
        {
            var (op, config) = operatorFor(span.EntityType)!.Value;
            var changed = op.Apply(text[span.Start..span.End], span.EntityType, config);
            var fromEnd = replacer.Replace(changed, span.Start, span.End);
            pending.Add((new AnonymizedItem(op.Name, span.EntityType, 0, 0, changed), fromEnd));
        }
        var output = replacer.Output;
        var items = pending.Select(p =>
        {
            var start = output.Length - p.FromEnd;
            return p.Item with { Start = start, End = start + p.Item.Text.Length };
        }).ToList();
        return new AnonymizerResult(output, items);
    }
}
