using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>
/// Types of complete rules whose every definition (each rule, its <c>else</c> branches and the default) has a
/// constant scalar value of one same type; every other rule is <c>any</c>.
/// </summary>
internal sealed class RuleTypes(RuleTree tree)
{
    private readonly Dictionary<string, RegoType> _cache = new(StringComparer.Ordinal);

    public RegoType Get(IReadOnlyList<string> path)
    {
        var key = string.Join('\u0001', path);
        if (!_cache.TryGetValue(key, out var type))
        {
            type = Compute(path);
            _cache[key] = type;
        }

        return type;
    }

    private RegoType Compute(IReadOnlyList<string> path)
    {
        var node = tree.Root;
        foreach (var segment in path)
        {
            if (!node.Children.TryGetValue(segment, out node!))
            {
                return RegoType.Any;
            }
        }

        if (node.Kind != RuleKind.Complete || node.Children.Count > 0 || node.Rules.Count == 0)
        {
            return RegoType.Any;
        }

        TypeKind? kind = null;
        var definitions = node.Default is null ? node.Rules : node.Rules.Append(node.Default);
        foreach (var definition in definitions)
        {
            for (var r = definition; r is not null; r = r.Else)
            {
                var head = r.Syntax.Head;
                var valueKind = head.Value switch
                {
                    null => TypeKind.Boolean,
                    StringTerm => TypeKind.String,
                    NumberTerm => TypeKind.Number,
                    BooleanTerm => TypeKind.Boolean,
                    NullTerm => TypeKind.Null,
                    _ => TypeKind.Any,
                };
                if (valueKind == TypeKind.Any || (kind is not null && kind != valueKind))
                {
                    return RegoType.Any;
                }

                kind = valueKind;
            }
        }

        return kind switch
        {
            TypeKind.String => RegoType.String,
            TypeKind.Number => RegoType.Number,
            TypeKind.Boolean => RegoType.Boolean,
            TypeKind.Null => RegoType.Null,
            _ => RegoType.Any,
        };
    }
}
