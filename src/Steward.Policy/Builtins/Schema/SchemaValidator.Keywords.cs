using System.Globalization;
using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

internal sealed partial class SchemaValidator
{
    private void Array(SchemaNode schema, Value[] items, string context)
    {
        if (schema.ItemsIsSingle)
        {
            for (var i = 0; i < items.Length; i++)
            {
                Merge(Sub(schema.Items[0], items[i], context + "." + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
        else if (schema.Items.Count > 0)
        {
            for (var i = 0; i < schema.Items.Count && i < items.Length; i++)
            {
                Merge(Sub(schema.Items[i], items[i], context + "." + i.ToString(CultureInfo.InvariantCulture)));
            }

            if (schema.Items.Count < items.Length)
            {
                switch (schema.AdditionalItems)
                {
                    case false:
                        Add("array_no_additional_items", context, "No additional items allowed on array");
                        break;
                    case SchemaNode extra:
                        for (var i = schema.Items.Count; i < items.Length; i++)
                        {
                            Merge(Sub(extra, items[i], context + "." + i.ToString(CultureInfo.InvariantCulture)));
                        }

                        break;
                }
            }
        }

        if (schema.MinItems is { } min && items.Length < min)
        {
            Add("array_min_items", context, $"Array must have at least {min} items");
        }

        if (schema.MaxItems is { } max && items.Length > max)
        {
            Add("array_max_items", context, $"Array must have at most {max} items");
        }

        if (schema.UniqueItems)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < items.Length; j++)
            {
                var key = JsonSchemaBuiltins.Canonical(items[j]);
                if (seen.TryGetValue(key, out var i))
                {
                    Add("unique", context, $"array items[{i},{j}] must be unique");
                }

                seen[key] = j;
            }
        }

        if (schema.Contains is not null)
        {
            var matched = false;
            SchemaValidator? best = null;
            for (var i = 0; i < items.Length; i++)
            {
                var result = Sub(schema.Contains, items[i], context + "." + i.ToString(CultureInfo.InvariantCulture));
                if (result.Valid)
                {
                    matched = true;
                    break;
                }

                if (best is null || result._score > best._score)
                {
                    best = result;
                }
            }

            if (!matched)
            {
                Add("contains", context, "At least one of the items must match");
                if (best is not null)
                {
                    Merge(best);
                }
            }
        }

        _score++;
    }

    private void Object(SchemaNode schema, ObjectValue o, string context)
    {
        if (schema.MinProperties is { } min && o.Count < min)
        {
            Add("array_min_properties", context, $"Must have at least {min} properties");
        }

        if (schema.MaxProperties is { } max && o.Count > max)
        {
            Add("array_max_properties", context, $"Must have at most {max} properties");
        }

        foreach (var name in schema.Required)
        {
            if (o.Get(name) is not null)
            {
                _score++;
            }
            else
            {
                Add("required", context, $"{name} is required");
            }
        }

        for (var i = 0; i < o.Count; i++)
        {
            var key = o.Keys[i] is StringValue ks ? ks.Value : o.Keys[i].ToJson();
            var found = schema.Properties.Exists(p => p.Name == key);
            var patternMatched = false;
            foreach (var (pattern, child) in schema.PatternProperties)
            {
                if (pattern.IsMatch(key))
                {
                    patternMatched = true;
                    Merge(Sub(child, o.Values[i], context + "." + key));
                }
            }

            if (patternMatched)
            {
                _score++;
            }

            if (!found && !patternMatched)
            {
                switch (schema.AdditionalProperties)
                {
                    case false:
                        Add("additional_property_not_allowed", context, $"Additional property {key} is not allowed");
                        break;
                    case SchemaNode extra:
                        Merge(Sub(extra, o.Values[i], context + "." + key));
                        break;
                }
            }
        }

        if (schema.PropertyNames is not null)
        {
            for (var i = 0; i < o.Count; i++)
            {
                var key = o.Keys[i] is StringValue ks ? ks.Value : o.Keys[i].ToJson();
                var result = Sub(schema.PropertyNames, new StringValue(key), context);
                if (!result.Valid)
                {
                    Add("invalid_property_name", context, $"Property name of \"{key}\" does not match");
                    Merge(result);
                }
            }
        }

        _score++;
    }

    private void Text(SchemaNode schema, string value, string context)
    {
        var length = Aggregates.RuneCount(value);
        if (schema.MinLength is { } min && length < min)
        {
            Add("string_gte", context, $"String length must be greater than or equal to {min}");
        }

        if (schema.MaxLength is { } max && length > max)
        {
            Add("string_lte", context, $"String length must be less than or equal to {max}");
        }

        if (schema.Pattern is not null && !schema.Pattern.IsMatch(value))
        {
            Add("pattern", context, $"Does not match pattern '{schema.PatternText}'");
        }

        _score++;
    }

    private void Number(SchemaNode schema, NumberValue number, string context)
    {
        var (n, d) = JsonSchemaBuiltins.Rational(number);
        if (schema.MultipleOf is { } m && !BigInteger.Remainder(n * m.D, d * m.N).IsZero)
        {
            Add("multiple_of", context, $"Must be a multiple of {JsonSchemaBuiltins.FormatRational(m)}");
        }

        if (schema.Maximum is { } max && Compare((n, d), max) > 0)
        {
            Add("number_lte", context, $"Must be less than or equal to {JsonSchemaBuiltins.FormatRational(max)}");
        }

        if (schema.ExclusiveMaximum is { } xmax && Compare((n, d), xmax) >= 0)
        {
            Add("number_lt", context, $"Must be less than {JsonSchemaBuiltins.FormatRational(xmax)}");
        }

        if (schema.Minimum is { } min && Compare((n, d), min) < 0)
        {
            Add("number_gte", context, $"Must be greater than or equal to {JsonSchemaBuiltins.FormatRational(min)}");
        }

        if (schema.ExclusiveMinimum is { } xmin && Compare((n, d), xmin) <= 0)
        {
            Add("number_gt", context, $"Must be greater than {JsonSchemaBuiltins.FormatRational(xmin)}");
        }

        _score++;
    }

    private static int Compare((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) => (a.N * b.D).CompareTo(b.N * a.D);
}
