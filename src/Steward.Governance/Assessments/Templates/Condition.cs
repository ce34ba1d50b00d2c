using System.Text.Json.Nodes;

namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// A small predicate over answers (and, in scoring, the computed tier). The whole language is here:
/// <c>{question, equals | not_equals | in | gte | lte | answered}</c>, <c>{all: [...]}</c>, <c>{any: [...]}</c>,
/// <c>{not: ...}</c> and, in controls and obligations only, <c>{tier_in: [...]}</c>.
/// </summary>
public abstract record Condition
{
    /// <summary>Whether the condition holds. A comparison with an unanswered question is false.</summary>
    public abstract bool Holds(ConditionContext context);

    /// <summary>The questions the condition reads.</summary>
    public abstract IEnumerable<string> Questions();

    /// <summary>The condition in its template form (for API answers).</summary>
    public abstract JsonObject ToJson();
}

/// <summary>What a condition is evaluated over.</summary>
public sealed record ConditionContext(IReadOnlyDictionary<string, JsonNode> Answers, string? Tier = null);

/// <summary>Compares one question's answer.</summary>
public sealed record AnswerCondition(string Question, string Operator, JsonNode? Operand) : Condition
{
    /// <summary>The comparison operators.</summary>
    public static readonly string[] Operators = ["equals", "not_equals", "in", "gte", "lte", "answered"];

    /// <inheritdoc />
    public override bool Holds(ConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Answers.TryGetValue(Question, out var answer);
        if (Operator == "answered") return (answer is not null) == (Operand?.GetValue<bool>() ?? true);
        if (answer is null) return false;
        return Operator switch
        {
            "equals" => Same(answer, Operand),
            "not_equals" => !Same(answer, Operand),
            "in" => Operand is JsonArray items && items.Any(i => Same(answer, i)),
            "gte" => AsNumber(answer) is { } a && AsNumber(Operand!) is { } min && a >= min,
            "lte" => AsNumber(answer) is { } b && AsNumber(Operand!) is { } max && b <= max,
            _ => false,
        };
    }

    /// <inheritdoc />
    public override IEnumerable<string> Questions() => [Question];

    /// <inheritdoc />
    public override JsonObject ToJson() => new() { ["question"] = Question, [Operator] = Operand?.DeepClone() };

    private static bool Same(JsonNode answer, JsonNode? operand) =>
        AsNumber(answer) is { } a && operand is not null && AsNumber(operand) is { } b ? a == b : JsonNode.DeepEquals(answer, operand);

    private static double? AsNumber(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

/// <summary>Every part holds.</summary>
public sealed record AllCondition(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc />
    public override bool Holds(ConditionContext context) => Parts.All(p => p.Holds(context));

    /// <inheritdoc />
    public override IEnumerable<string> Questions() => Parts.SelectMany(p => p.Questions());

    /// <inheritdoc />
    public override JsonObject ToJson() => new() { ["all"] = new JsonArray(Parts.Select(p => (JsonNode)p.ToJson()).ToArray()) };
}

/// <summary>At least one part holds.</summary>
public sealed record AnyCondition(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc />
    public override bool Holds(ConditionContext context) => Parts.Any(p => p.Holds(context));

    /// <inheritdoc />
    public override IEnumerable<string> Questions() => Parts.SelectMany(p => p.Questions());

    /// <inheritdoc />
    public override JsonObject ToJson() => new() { ["any"] = new JsonArray(Parts.Select(p => (JsonNode)p.ToJson()).ToArray()) };
}

/// <summary>The part does not hold.</summary>
public sealed record NotCondition(Condition Part) : Condition
{
    /// <inheritdoc />
    public override bool Holds(ConditionContext context) => !Part.Holds(context);

    /// <inheritdoc />
    public override IEnumerable<string> Questions() => Part.Questions();

    /// <inheritdoc />
    public override JsonObject ToJson() => new() { ["not"] = Part.ToJson() };
}

/// <summary>The computed EU AI Act tier is one of these (scoring controls and obligations only).</summary>
public sealed record TierCondition(IReadOnlyList<string> Tiers) : Condition
{
    /// <inheritdoc />
    public override bool Holds(ConditionContext context) => context?.Tier is { } tier && Tiers.Contains(tier);

    /// <inheritdoc />
    public override IEnumerable<string> Questions() => [];

    /// <inheritdoc />
    public override JsonObject ToJson() => new() { ["tier_in"] = new JsonArray(Tiers.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) };
}
