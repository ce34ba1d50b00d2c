using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Steward.Governance.Assessments.Templates;

/// <summary>Parses conditions and checks them against the questions they may read (operands typed by the question).</summary>
internal static class ConditionParser
{
    private static readonly string[] Fields = ["question", .. AnswerCondition.Operators, "all", "any", "not", "tier_in"];

    /// <param name="reader">The YAML reader.</param>
    /// <param name="node">The condition node.</param>
    /// <param name="what">Where it is, for messages.</param>
    /// <param name="visible">The questions the condition may name (for <c>show_if</c>: those defined before).</param>
    /// <param name="allowTier">Whether <c>tier_in</c> may be used.</param>
    public static Condition Parse(YamlReader reader, YamlNode node, string what, IReadOnlyDictionary<string, TemplateQuestion> visible, bool allowTier)
    {
        var map = reader.Mapping(node, what, Fields);
        if (map.Count == 0) throw reader.Error(node, $"{what}: an empty condition");
        if (map.TryGetValue("all", out var all)) return new AllCondition(Parts(reader, map, node, all.Value, $"{what}.all", visible, allowTier));
        if (map.TryGetValue("any", out var any)) return new AnyCondition(Parts(reader, map, node, any.Value, $"{what}.any", visible, allowTier));
        if (map.TryGetValue("not", out var not))
        {
            Alone(reader, map, node, what, "not");
            return new NotCondition(Parse(reader, not.Value, $"{what}.not", visible, allowTier));
        }
        if (map.TryGetValue("tier_in", out var tiers))
        {
            if (!allowTier) throw reader.Error(tiers.Key, $"{what}: tier_in can only be used in scoring controls and obligations (the tier is computed from the answers)");
            Alone(reader, map, node, what, "tier_in");
            var list = reader.Strings(tiers.Value, $"{what}.tier_in");
            foreach (var tier in list)
                if (!RiskVocabulary.Tiers.Contains(tier))
                    throw reader.Error(tiers.Value, $"{what}.tier_in: '{tier}' is not a tier ({string.Join(", ", RiskVocabulary.Tiers)})");
            return new TierCondition(list);
        }
        return Comparison(reader, map, node, what, visible);
    }

    private static List<Condition> Parts(YamlReader reader, Dictionary<string, (YamlNode Key, YamlNode Value)> map, YamlNode node, YamlNode list,
        string what, IReadOnlyDictionary<string, TemplateQuestion> visible, bool allowTier)
    {
        Alone(reader, map, node, what, what[(what.LastIndexOf('.') + 1)..]);
        return reader.Sequence(list, what).Select((n, i) => Parse(reader, n, $"{what}[{i}]", visible, allowTier)).ToList();
    }

    private static void Alone(YamlReader reader, Dictionary<string, (YamlNode Key, YamlNode Value)> map, YamlNode node, string what, string key)
    {
        if (map.Count != 1) throw reader.Error(node, $"{what}: '{key}' cannot be combined with other fields in one condition");
    }

    private static AnswerCondition Comparison(YamlReader reader, Dictionary<string, (YamlNode Key, YamlNode Value)> map, YamlNode node, string what,
        IReadOnlyDictionary<string, TemplateQuestion> visible)
    {
        var questionNode = reader.Required(map, node, what, "question");
        var id = reader.Scalar(questionNode, $"{what}.question");
        if (!visible.TryGetValue(id, out var question))
            throw reader.Error(questionNode, $"{what}: question '{id}' is not defined before this point (conditions may only read earlier questions)");
        var operators = map.Keys.Where(k => k != "question").ToList();
        if (operators.Count != 1)
            throw reader.Error(node, $"{what}: give exactly one of {string.Join(", ", AnswerCondition.Operators)}");
        var op = operators[0];
        var operandNode = map[op].Value;
        JsonNode? operand = op switch
        {
            "answered" => JsonValue.Create(reader.Bool(operandNode, $"{what}.answered")),
            "in" => new JsonArray(reader.Sequence(operandNode, $"{what}.in").Select(n => Operand(reader, n, $"{what}.in", question)).ToArray()),
            "gte" or "lte" => question.Type == QuestionTypes.Number
                ? JsonValue.Create(reader.Number(operandNode, $"{what}.{op}"))
                : throw reader.Error(operandNode, $"{what}: '{op}' needs a number question, '{id}' is {question.Type}"),
            _ => Operand(reader, operandNode, $"{what}.{op}", question),
        };
        return new AnswerCondition(id, op, operand);
    }

    private static JsonNode Operand(YamlReader reader, YamlNode node, string what, TemplateQuestion question)
    {
        switch (question.Type)
        {
            case QuestionTypes.YesNo:
                return JsonValue.Create(reader.Bool(node, what));
            case QuestionTypes.Number:
                return JsonValue.Create(reader.Number(node, what));
            case QuestionTypes.Choice:
                var value = reader.Scalar(node, what);
                if (!question.Options.Any(o => o.Value == value))
                    throw reader.Error(node, $"{what}: '{value}' is not an option of '{question.Id}' ({string.Join(", ", question.Options.Select(o => o.Value))})");
                return JsonValue.Create(value);
            default:
                throw reader.Error(node, $"{what}: answers of {question.Type} question '{question.Id}' can only be tested with 'answered'");
        }
    }
}
