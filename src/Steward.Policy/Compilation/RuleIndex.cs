using Steward.Policy.Evaluation;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>
/// OPA-style rule indexing for nodes with many definitions: rules whose body requires
/// <c>input.some.path == constant</c> are filed under that constant, so an evaluation runs only the rules
/// whose constant matches the input (plus those the index cannot decide). The tested literal stays in each
/// body, so the index only skips rules that could not hold.
/// </summary>
internal sealed class RuleIndex
{
    private const int MinimumRules = 4;
    private readonly Dictionary<Value, List<CRule>> _byValue;
    private readonly List<CRule> _other;

    private RuleIndex(string[] path, Dictionary<Value, List<CRule>> byValue, List<CRule> other)
    {
        Path = path;
        _byValue = byValue;
        _other = other;
    }

    /// <summary>The input path the rules are filed by.</summary>
    public string[] Path { get; }

    /// <summary>The rules that may hold when the input holds <paramref name="value"/> at <see cref="Path"/> (null: undefined there), in source order.</summary>
    public List<CRule> Candidates(Value? value) => value is not null && _byValue.TryGetValue(value, out var rules) ? rules : _other;

    public static RuleIndex? Build(RuleNode node)
    {
        if (node.Rules.Count < MinimumRules || node.IsFunction)
        {
            return null;
        }

        // Index on the input path that the most rules test against a constant.
        var keys = node.Rules.Select(r => r.Else is null ? EqualityKeys(r) : []).ToList();
        var best = keys.SelectMany(k => k.Select(e => e.Path)).GroupBy(p => string.Join('\u001f', p))
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (best is null || best.Count() < 2)
        {
            return null;
        }

        var path = best.First();
        var byValue = new Dictionary<Value, List<CRule>>();
        var other = new List<CRule>();
        for (var i = 0; i < node.Rules.Count; i++)
        {
            var match = keys[i].FirstOrDefault(k => k.Path.AsSpan().SequenceEqual(path));
            if (match.Value is null)
            {
                other.Add(node.Rules[i]);
            }
            else
            {
                if (!byValue.TryGetValue(match.Value, out var list))
                {
                    byValue[match.Value] = list = [];
                }

                list.Add(node.Rules[i]);
            }
        }

        // Each bucket also runs the rules the index cannot decide, all in source order.
        foreach (var (value, list) in byValue.ToList())
        {
            byValue[value] = [.. list.Concat(other).OrderBy(r => r.Order)];
        }

        return new RuleIndex(path, byValue, other);
    }

    /// <summary>The <c>input.path == scalar</c> tests a rule's body requires (positive literals without <c>with</c>).</summary>
    private static List<(string[] Path, Value Value)> EqualityKeys(CRule rule)
    {
        var found = new List<(string[], Value)>();
        foreach (var literal in rule.Body)
        {
            if (literal.Negated || literal.With.Length > 0)
            {
                continue;
            }

            var (left, right) = literal.Expr switch
            {
                CUnify u => (u.Left, u.Right),
                CTermExpr { Term: CCall { Name: "equal", Args.Length: 2 } c } => (c.Args[0], c.Args[1]),
                _ => (null, null),
            };
            if (left is null || right is null)
            {
                continue;
            }

            if (InputPath(left) is { } p1 && Scalar(right) is { } v1)
            {
                found.Add((p1, v1));
            }
            else if (InputPath(right) is { } p2 && Scalar(left) is { } v2)
            {
                found.Add((p2, v2));
            }
        }

        return found;
    }

    private static string[]? InputPath(CTerm term) =>
        term is CRef { Root: RefRoot.Input, Head: null } r && r.Path.Length > 0 && r.Path.All(p => p is CConst { Value: StringValue })
            ? [.. r.Path.Select(p => ((StringValue)((CConst)p).Value).Value)]
            : null;

    private static Value? Scalar(CTerm term) =>
        term is CConst { Value: StringValue or NumberValue or BooleanValue or NullValue } c ? c.Value : null;
}
