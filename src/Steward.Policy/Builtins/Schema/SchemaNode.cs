using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>One compiled (sub)schema, with the keywords gojsonschema understands (drafts 4, 6 and 7).</summary>
internal sealed class SchemaNode
{
    private static readonly string[] ValidTypes = ["array", "boolean", "integer", "number", "null", "object", "string"];

    public bool? Pass { get; private set; }

    public SchemaNode? Ref { get; set; }

    public string? RefPath { get; private set; }

    public List<string> Types { get; } = [];

    public List<(string Name, SchemaNode Schema)> Properties { get; } = [];

    public List<(Re2Regex Pattern, SchemaNode Schema)> PatternProperties { get; } = [];

    public object? AdditionalProperties { get; private set; }

    public List<string> Required { get; } = [];

    public int? MinProperties { get; private set; }

    public int? MaxProperties { get; private set; }

    public SchemaNode? PropertyNames { get; private set; }

    public Dictionary<string, object> Dependencies { get; } = new(StringComparer.Ordinal);

    public List<SchemaNode> Items { get; } = [];

    public bool ItemsIsSingle { get; private set; }

    public object? AdditionalItems { get; private set; }

    public int? MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    public bool UniqueItems { get; private set; }

    public SchemaNode? Contains { get; private set; }

    public int? MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public Re2Regex? Pattern { get; private set; }

    public string? PatternText { get; private set; }

    public string? Format { get; private set; }

    public (BigInteger N, BigInteger D)? MultipleOf { get; private set; }

    public (BigInteger N, BigInteger D)? Minimum { get; private set; }

    public (BigInteger N, BigInteger D)? Maximum { get; private set; }

    public (BigInteger N, BigInteger D)? ExclusiveMinimum { get; private set; }

    public (BigInteger N, BigInteger D)? ExclusiveMaximum { get; private set; }

    public string? Const { get; private set; }

    public List<string>? Enum { get; private set; }

    public List<SchemaNode> AllOf { get; } = [];

    public List<SchemaNode> AnyOf { get; } = [];

    public List<SchemaNode> OneOf { get; } = [];

    public SchemaNode? Not { get; private set; }

    public SchemaNode? If { get; private set; }

    public SchemaNode? Then { get; private set; }

    public SchemaNode? Else { get; private set; }

    /// <summary>Compiles a schema document; throws <see cref="BuiltinException"/> for an invalid schema.</summary>
    public static SchemaNode Compile(Value document)
    {
        var all = new List<SchemaNode>();
        var root = Parse(document, all);
        var resolved = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var node = all[i];
            if (node.RefPath is { } path && node.Ref is null)
            {
                if (!resolved.TryGetValue(path, out var target))
                {
                    target = Resolve(document, path, all, root);
                    resolved[path] = target;
                }

                node.Ref = target;
            }
        }

        return root;
    }

    private static SchemaNode Resolve(Value document, string reference, List<SchemaNode> all, SchemaNode root)
    {
        if (reference is "#" or "")
        {
            return root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new BuiltinException($"Reference {reference} must be canonical");
        }

        Value? current = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var part = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                ObjectValue o => o.Get(part),
                ArrayValue a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                throw new BuiltinException($"Object has no key '{part}'");
            }
        }

        return Parse(current!, all);
    }

    private static SchemaNode Parse(Value value, List<SchemaNode> all)
    {
        var node = new SchemaNode();
        all.Add(node);
        if (value is BooleanValue b)
        {
            node.Pass = b.Value;
            return node;
        }

        if (value is not ObjectValue o)
        {
            throw new BuiltinException("schema must be of an object");
        }

        if (o.Get("$ref") is StringValue reference)
        {
            node.RefPath = reference.Value;
            return node;
        }

        switch (o.Get("type"))
        {
            case StringValue t:
                node.AddType(t.Value);
                break;
            case ArrayValue ts:
                foreach (var t in ts.Items)
                {
                    node.AddType(t is StringValue s ? s.Value : throw new BuiltinException("type must be of type string or array of strings"));
                }

                break;
            case null:
                break;
            default:
                throw new BuiltinException("type must be of type string or array of strings");
        }

        if (o.Get("properties") is ObjectValue props)
        {
            for (var i = 0; i < props.Count; i++)
            {
                node.Properties.Add((((StringValue)props.Keys[i]).Value, Parse(props.Values[i], all)));
            }
        }

        if (o.Get("patternProperties") is ObjectValue patterns)
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                var text = ((StringValue)patterns.Keys[i]).Value;
                node.PatternProperties.Add((CompilePattern(text), Parse(patterns.Values[i], all)));
            }
        }

        node.AdditionalProperties = o.Get("additionalProperties") switch
        {
            BooleanValue ap => ap.Value,
            ObjectValue ap => Parse(ap, all),
            null => null,
            _ => throw new BuiltinException("additionalProperties must be of a boolean or valid schema"),
        };
        if (o.Get("required") is ArrayValue required)
        {
            foreach (var r in required.Items)
            {
                node.Required.Add(r is StringValue s ? s.Value : throw new BuiltinException("required items must be string"));
            }
        }

        node.MinProperties = Int(o, "minProperties");
        node.MaxProperties = Int(o, "maxProperties");
        node.PropertyNames = o.Get("propertyNames") is { } pn ? Parse(pn, all) : null;
        if (o.Get("dependencies") is ObjectValue deps)
        {
            for (var i = 0; i < deps.Count; i++)
            {
                var key = ((StringValue)deps.Keys[i]).Value;
                node.Dependencies[key] = deps.Values[i] is ArrayValue list
                    ? list.Items.ToArray().Select(x => x is StringValue s ? s.Value : throw new BuiltinException("dependency must be of type schema or array of strings")).ToList()
                    : Parse(deps.Values[i], all);
            }
        }

        switch (o.Get("items"))
        {
            case ArrayValue items:
                foreach (var item in items.Items)
                {
                    node.Items.Add(Parse(item, all));
                }

                break;
            case { } single:
                node.Items.Add(Parse(single, all));
                node.ItemsIsSingle = true;
                break;
        }

        node.AdditionalItems = o.Get("additionalItems") switch
        {
            BooleanValue ai => ai.Value,
            ObjectValue ai => Parse(ai, all),
            _ => null,
        };
        node.MinItems = Int(o, "minItems");
        node.MaxItems = Int(o, "maxItems");
        node.UniqueItems = o.Get("uniqueItems") is BooleanValue { Value: true };
        node.Contains = o.Get("contains") is { } contains ? Parse(contains, all) : null;
        node.MinLength = Int(o, "minLength");
        node.MaxLength = Int(o, "maxLength");
        if (o.Get("pattern") is StringValue pattern)
        {
            node.Pattern = CompilePattern(pattern.Value);
            node.PatternText = pattern.Value;
        }

        node.Format = (o.Get("format") as StringValue)?.Value;
        node.MultipleOf = Rational(o, "multipleOf");
        if (node.MultipleOf is { } m && m.N.Sign <= 0)
        {
            throw new BuiltinException("multipleOf must be strictly greater than 0");
        }

        node.Minimum = Rational(o, "minimum");
        node.Maximum = Rational(o, "maximum");
        if (o.Get("exclusiveMinimum") is BooleanValue exMin)
        {
            if (exMin.Value)
            {
                node.ExclusiveMinimum = node.Minimum;
                node.Minimum = null;
            }
        }
        else
        {
            node.ExclusiveMinimum = Rational(o, "exclusiveMinimum");
        }

        if (o.Get("exclusiveMaximum") is BooleanValue exMax)
        {
            if (exMax.Value)
            {
                node.ExclusiveMaximum = node.Maximum;
                node.Maximum = null;
            }
        }
        else
        {
            node.ExclusiveMaximum = Rational(o, "exclusiveMaximum");
        }

        if (o.Get("const") is { } constant)
        {
            node.Const = JsonSchemaBuiltins.Canonical(constant);
        }

        if (o.Get("enum") is { } enumValue)
        {
            node.Enum = enumValue is ArrayValue list
                ? [.. list.Items.ToArray().Select(JsonSchemaBuiltins.Canonical)]
                : throw new BuiltinException("enum must be of an array");
        }

        Many(o, "allOf", node.AllOf, all);
        Many(o, "anyOf", node.AnyOf, all);
        Many(o, "oneOf", node.OneOf, all);
        node.Not = o.Get("not") is { } not ? Parse(not, all) : null;
        node.If = o.Get("if") is { } condition ? Parse(condition, all) : null;
        node.Then = o.Get("then") is { } then ? Parse(then, all) : null;
        node.Else = o.Get("else") is { } otherwise ? Parse(otherwise, all) : null;
        return node;
    }

    private void AddType(string type)
    {
        if (!ValidTypes.Contains(type))
        {
            throw new BuiltinException($"has a primitive type that is NOT VALID -- given: {type} Expected valid values are:[{string.Join(" ", ValidTypes)}]");
        }

        if (Types.Contains(type))
        {
            throw new BuiltinException($"{type} type is duplicated");
        }

        Types.Add(type);
    }

    private static Re2Regex CompilePattern(string text)
    {
        try
        {
            return Re2Regex.Get(text);
        }
        catch (BuiltinException)
        {
            throw new BuiltinException($"Invalid regex pattern '{text}'");
        }
    }

    private static void Many(ObjectValue o, string key, List<SchemaNode> target, List<SchemaNode> all)
    {
        switch (o.Get(key))
        {
            case ArrayValue list:
                foreach (var item in list.Items)
                {
                    target.Add(Parse(item, all));
                }

                break;
            case null:
                break;
            default:
                throw new BuiltinException($"{key} must be of an array");
        }
    }

    private static int? Int(ObjectValue o, string key) => o.Get(key) switch
    {
        NumberValue n when n.TryGetInt64(out var l) && l >= 0 => (int)Math.Min(l, int.MaxValue),
        null => null,
        _ => throw new BuiltinException($"{key} must be of an integer"),
    };

    private static (BigInteger N, BigInteger D)? Rational(ObjectValue o, string key) => o.Get(key) switch
    {
        NumberValue n => JsonSchemaBuiltins.Rational(n),
        null => null,
        _ => throw new BuiltinException($"{key} must be of a number"),
    };
}
