using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>Validates a document the way gojsonschema does: same keyword order, error types, texts and scoring.</summary>
internal sealed partial class SchemaValidator
{
    private readonly List<ObjectValue> _errors = [];

    [ThreadStatic]
    private static int _depth;

    private int _score;

    public bool Valid => _errors.Count == 0;

    public IReadOnlyList<ObjectValue> Errors => _errors;

    public static SchemaValidator Validate(SchemaNode schema, Value document)
    {
        var result = new SchemaValidator();
        result.Recurse(schema, document, "(root)");
        return result;
    }

    private static SchemaValidator Sub(SchemaNode schema, Value document, string context)
    {
        var result = new SchemaValidator();
        result.Recurse(schema, document, context);
        return result;
    }

    private void Merge(SchemaValidator other)
    {
        _errors.AddRange(other._errors);
        _score += other._score;
    }

    private void Add(string type, string context, string description)
    {
        var field = context == "(root)" ? context : context.StartsWith("(root).", StringComparison.Ordinal) ? context[7..] : context;
        var text = description.Replace("{{.field}}", field, StringComparison.Ordinal);
        var builder = new ObjectBuilder();
        builder.Set(new StringValue("error"), new StringValue(field + ": " + text));
        builder.Set(new StringValue("type"), new StringValue(type));
        builder.Set(new StringValue("field"), new StringValue(field));
        builder.Set(new StringValue("desc"), new StringValue(text));
        _errors.Add(builder.Build());
        _score -= 2;
    }

    private static string TypeString(List<string> types) => types.Count == 1 ? types[0] : "[" + string.Join(",", types) + "]";

    private void Recurse(SchemaNode schema, Value value, string context)
    {
        if (++_depth > 512)
        {
            throw new BuiltinException("jsonschema: schema references recurse too deeply");
        }

        try
        {
            RecurseCore(schema, value, context);
        }
        finally
        {
            _depth--;
        }
    }

    private void RecurseCore(SchemaNode schema, Value value, string context)
    {
        if (schema.Pass is { } pass)
        {
            if (!pass)
            {
                Add("false", context, "False always fails validation");
            }

            return;
        }

        if (schema.Ref is not null)
        {
            Recurse(schema.Ref, value, context);
            return;
        }

        var given = value switch
        {
            NullValue => "null",
            NumberValue n => n.IsInteger || Math.Floor(n.AsDouble) == n.AsDouble ? "integer" : "number",
            ArrayValue or SetValue => "array",
            ObjectValue => "object",
            BooleanValue => "boolean",
            _ => "string",
        };
        var typed = schema.Types.Count > 0;
        var ok = !typed || schema.Types.Contains(given) || (given == "integer" && schema.Types.Contains("number"));
        if (!ok)
        {
            Add("invalid_type", context, $"Invalid type. Expected: {TypeString(schema.Types)}, given: {given}");
            return;
        }

        ValidateSchema(schema, value, context);
        switch (value)
        {
            case NullValue:
                Common(schema, value, context);
                break;
            case NumberValue n:
                Number(schema, n, context);
                Common(schema, value, context);
                break;
            case ArrayValue or SetValue:
                Array(schema, value is ArrayValue a ? a.Items.ToArray() : ((SetValue)value).Items.ToArray(), context);
                Common(schema, value, context);
                break;
            case ObjectValue o:
                Object(schema, o, context);
                Common(schema, value, context);
                foreach (var (name, child) in schema.Properties)
                {
                    if (o.Get(name) is { } next)
                    {
                        Recurse(child, next, context + "." + name);
                    }
                }

                break;
            case StringValue s:
                Common(schema, value, context);
                Text(schema, s.Value, context);
                break;
            default:
                Common(schema, value, context);
                break;
        }

        _score++;
    }

    private void ValidateSchema(SchemaNode schema, Value value, string context)
    {
        if (schema.AnyOf.Count > 0)
        {
            var validated = false;
            SchemaValidator? best = null;
            foreach (var option in schema.AnyOf)
            {
                if (validated)
                {
                    continue;
                }

                var result = Sub(option, value, context);
                validated = result.Valid;
                if (!validated && (best is null || result._score > best._score))
                {
                    best = result;
                }
            }

            if (!validated)
            {
                Add("number_any_of", context, "Must validate at least one schema (anyOf)");
                if (best is not null)
                {
                    Merge(best);
                }
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var count = 0;
            SchemaValidator? best = null;
            foreach (var option in schema.OneOf)
            {
                var result = Sub(option, value, context);
                if (result.Valid)
                {
                    count++;
                }
                else if (count == 0 && (best is null || result._score > best._score))
                {
                    best = result;
                }
            }

            if (count != 1)
            {
                Add("number_one_of", context, "Must validate one and only one schema (oneOf)");
                if (count == 0 && best is not null)
                {
                    Merge(best);
                }
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var count = 0;
            foreach (var option in schema.AllOf)
            {
                var result = Sub(option, value, context);
                if (result.Valid)
                {
                    count++;
                }

                Merge(result);
            }

            if (count != schema.AllOf.Count)
            {
                Add("number_all_of", context, "Must validate all the schemas (allOf)");
            }
        }

        if (schema.Not is not null && Sub(schema.Not, value, context).Valid)
        {
            Add("number_not", context, "Must not validate the schema (not)");
        }

        if (schema.Dependencies.Count > 0 && value is ObjectValue o)
        {
            for (var i = 0; i < o.Count; i++)
            {
                if (o.Keys[i] is StringValue k && schema.Dependencies.TryGetValue(k.Value, out var dependency))
                {
                    if (dependency is List<string> names)
                    {
                        foreach (var name in names)
                        {
                            if (o.Get(name) is null)
                            {
                                Add("missing_dependency", context, $"Has a dependency on {name}");
                            }
                        }
                    }
                    else
                    {
                        Recurse((SchemaNode)dependency, value, context);
                    }
                }
            }
        }

        if (schema.If is not null)
        {
            var condition = Sub(schema.If, value, context).Valid;
            if (schema.Then is not null && condition)
            {
                var then = Sub(schema.Then, value, context);
                if (!then.Valid)
                {
                    Add("condition_then", context, "Must validate \"then\" as \"if\" was valid");
                    Merge(then);
                }
            }

            if (schema.Else is not null && !condition)
            {
                var otherwise = Sub(schema.Else, value, context);
                if (!otherwise.Valid)
                {
                    Add("condition_else", context, "Must validate \"else\" as \"if\" was not valid");
                    Merge(otherwise);
                }
            }
        }

        _score++;
    }

    private void Common(SchemaNode schema, Value value, string context)
    {
        var canonical = schema.Const is not null || schema.Enum is not null ? JsonSchemaBuiltins.Canonical(value) : null;
        if (schema.Const is not null && canonical != schema.Const)
        {
            Add("const", context, "{{.field}} does not match: " + schema.Const);
        }

        if (schema.Enum is not null && !schema.Enum.Contains(canonical!))
        {
            var allowed = schema.Enum.Count == 0 ? "(none)" : string.Join(", ", schema.Enum);
            Add("enum", context, "{{.field}} must be one of the following: " + allowed);
        }

        if (schema.Format is not null && value is StringValue s && !JsonSchemaBuiltins.IsFormat(schema.Format, s.Value))
        {
            Add("format", context, $"Does not match format '{schema.Format}'");
        }

        _score++;
    }
}
