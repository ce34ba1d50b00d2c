using System.Globalization;

namespace Steward.Policy.Builtins.GraphQL;

/// <summary>
/// Validates an executable document against a schema with the specification's rules (as graphql-js words them, and
/// gqlparser after it): operations (lone anonymous, unique names, single root field of subscriptions), fields on
/// their types, leaf selections, arguments (known, unique, required), fragments (known, unique, used, acyclic, on
/// composite types, possible spreads), variables (unique, input types, defined, used, allowed positions), directives
/// (known, in place, unique), literal values of the right type, and overlapping fields at each level (one response
/// name, one field with the same arguments, unless under two different object types; sub-selections of such pairs
/// are not merged and compared). Throws
/// <see cref="GqlException"/> for the first error found.
/// </summary>
internal sealed class GqlValidator
{
    /// <summary>The longest chain of fragments spreading fragments that is followed (the walk recurses).</summary>
    private const int MaxSpreadDepth = 100;

    /// <summary>
    /// The most selections a validation visits. Fragments that spread other fragments several times multiply the walk
    /// (each spread is validated where it is used), so a small crafted document could otherwise take exponential time.
    /// </summary>
    private const int MaxVisits = 200_000;

    private int _visits;

    private readonly GqlSchema _schema;
    private readonly GqlQueryDocument _document;
    private readonly Dictionary<string, GqlFragment> _fragments = new(StringComparer.Ordinal);

    private GqlValidator(GqlSchema schema, GqlQueryDocument document)
    {
        _schema = schema;
        _document = document;
    }

    public static void Validate(GqlSchema schema, GqlQueryDocument document) => new GqlValidator(schema, document).Run();

    private void Run()
    {
        var operations = _document.Operations;
        if (operations.Count > 1 && operations.FirstOrDefault(o => o.Name.Length == 0) is { } anonymous)
        {
            Fail("This anonymous operation must be the only defined operation.", anonymous.Pos);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations.Where(o => o.Name.Length > 0))
        {
            if (!names.Add(operation.Name))
            {
                Fail($"There can be only one operation named \"{operation.Name}\".", operation.Pos);
            }
        }

        foreach (var fragment in _document.Fragments)
        {
            if (!_fragments.TryAdd(fragment.Name, fragment))
            {
                Fail($"There can be only one fragment named \"{fragment.Name}\".", fragment.Pos);
            }
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in _document.Fragments)
        {
            CheckCycles(fragment, visited, [], new Dictionary<string, int>(StringComparer.Ordinal));
        }

        foreach (var fragment in _document.Fragments)
        {
            var type = CompositeCondition(fragment.TypeCondition, fragment.Pos, $"Fragment \"{fragment.Name}\" cannot condition on non composite type \"{fragment.TypeCondition}\".");
            Directives(fragment.Directives, "FRAGMENT_DEFINITION", null);
            Selections(fragment.SelectionSet, type, null);
        }

        var usedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            Operation(operation, usedFragments);
        }

        foreach (var fragment in _document.Fragments)
        {
            if (!usedFragments.Contains(fragment.Name))
            {
                Fail($"Fragment \"{fragment.Name}\" is never used.", fragment.Pos);
            }
        }
    }

    private void Operation(GqlOperation operation, HashSet<string> usedFragments)
    {
        var root = _schema.Root(operation.Operation);
        if (root is null)
        {
            Fail($"Schema does not support operation type \"{operation.Operation}\"", operation.Pos);
        }

        var variables = new Dictionary<string, GqlVariableDefinition>(StringComparer.Ordinal);
        foreach (var variable in operation.VariableDefinitions)
        {
            if (!variables.TryAdd(variable.Variable, variable))
            {
                Fail($"There can be only one variable named \"${variable.Variable}\".", variable.Pos);
            }

            if (!_schema.Types.ContainsKey(variable.Type.Name))
            {
                Fail($"Unknown type \"{variable.Type.Name}\".", variable.Pos);
            }

            if (!_schema.IsInputType(variable.Type))
            {
                Fail($"Variable \"${variable.Variable}\" cannot be non-input type \"{variable.Type}\".", variable.Pos);
            }

            if (variable.DefaultValue is { } value)
            {
                Value(value, variable.Type, null);
            }

            Directives(variable.Directives, "VARIABLE_DEFINITION", null);
        }

        var used = new Dictionary<string, GqlPos>(StringComparer.Ordinal);
        var context = new OperationScope(operation, variables, used, usedFragments);
        Directives(operation.Directives, operation.Operation.ToUpperInvariant(), context);
        if (operation.Operation == "subscription" && CollectRootFields(operation.SelectionSet, 0) > 1)
        {
            var name = operation.Name.Length > 0 ? $"Subscription \"{operation.Name}\"" : "Anonymous Subscription";
            Fail($"{name} must select only one top level field.", operation.Pos);
        }

        Selections(operation.SelectionSet, root!, context);
        foreach (var (name, pos) in used)
        {
            if (!variables.ContainsKey(name))
            {
                Fail(operation.Name.Length > 0
                    ? $"Variable \"${name}\" is not defined by operation \"{operation.Name}\"."
                    : $"Variable \"${name}\" is not defined.", pos);
            }
        }

        foreach (var variable in operation.VariableDefinitions)
        {
            if (!used.ContainsKey(variable.Variable))
            {
                Fail(operation.Name.Length > 0
                    ? $"Variable \"${variable.Variable}\" is never used in operation \"{operation.Name}\"."
                    : $"Variable \"${variable.Variable}\" is never used.", variable.Pos);
            }
        }
    }

    private int CollectRootFields(List<GqlSelection> selections, int depth)
    {
        var count = 0;
        foreach (var selection in selections)
        {
            count += selection switch
            {
                GqlField => 1,
                GqlInlineFragment inline => CollectRootFields(inline.SelectionSet, depth + 1),
                GqlFragmentSpread spread when depth < 10 && _fragments.TryGetValue(spread.Name, out var f) => CollectRootFields(f.SelectionSet, depth + 1),
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>What an operation's walk collects: its variables, the ones used (with where), the fragments spread.</summary>
    private sealed record OperationScope(GqlOperation Operation, Dictionary<string, GqlVariableDefinition> Variables, Dictionary<string, GqlPos> Used, HashSet<string> UsedFragments)
    {
        public HashSet<string> Visiting { get; } = new(StringComparer.Ordinal);
    }

    private void Selections(List<GqlSelection> selections, GqlDefinition parent, OperationScope? scope)
    {
        CheckOverlaps(selections);
        foreach (var selection in selections)
        {
            if (++_visits > MaxVisits)
            {
                Fail($"the document is too complex to validate (more than {MaxVisits} selections to visit)", selection.Pos);
            }

            switch (selection)
            {
                case GqlField field:
                    Field(field, parent, scope);
                    break;
                case GqlInlineFragment inline:
                {
                    var type = inline.TypeCondition.Length == 0 ? parent
                        : CompositeCondition(inline.TypeCondition, inline.Pos, $"Fragment cannot condition on non composite type \"{inline.TypeCondition}\".");
                    if (!Overlap(parent, type))
                    {
                        Fail($"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{type.Name}\".", inline.Pos);
                    }

                    Directives(inline.Directives, "INLINE_FRAGMENT", scope);
                    Selections(inline.SelectionSet, type, scope);
                    break;
                }

                case GqlFragmentSpread spread:
                {
                    if (!_fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        Fail($"Unknown fragment \"{spread.Name}\".", spread.Pos);
                        return;
                    }

                    var type = _schema.Types[fragment.TypeCondition];
                    if (!Overlap(parent, type))
                    {
                        Fail($"Fragment \"{spread.Name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{type.Name}\".", spread.Pos);
                    }

                    Directives(spread.Directives, "FRAGMENT_SPREAD", scope);
                    if (scope is not null)
                    {
                        scope.UsedFragments.Add(spread.Name);
                        if (scope.Visiting.Add(spread.Name))
                        {
                            Selections(fragment.SelectionSet, type, scope);
                            scope.Visiting.Remove(spread.Name);
                        }
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// The overlapping-fields rule at one level: fields with one response name (after expanding fragments) must be the
    /// same field with the same arguments. Sub-selections are compared where each field is validated in turn.
    /// </summary>
    private void CheckOverlaps(List<GqlSelection> selections)
    {
        var seen = new Dictionary<string, (GqlField Field, string Type)>(StringComparer.Ordinal);
        foreach (var (field, type) in Flatten(selections, "", 0))
        {
            if (++_visits > MaxVisits)
            {
                Fail($"the document is too complex to validate (more than {MaxVisits} selections to visit)", field.Pos);
            }

            if (!seen.TryGetValue(field.Alias, out var first))
            {
                seen[field.Alias] = (field, type);
                continue;
            }

            // Fields under two different object types never both run, so they may differ.
            if (first.Type != type && IsObject(first.Type) && IsObject(type))
            {
                continue;
            }

            var other = first.Field;
            if (other.Name != field.Name)
            {
                Fail($"Fields \"{field.Alias}\" conflict because \"{other.Name}\" and \"{field.Name}\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", other.Pos);
            }

            if (!SameArguments(other.Arguments, field.Arguments))
            {
                Fail($"Fields \"{field.Alias}\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", other.Pos);
            }
        }
    }

    private bool IsObject(string type) => type.Length > 0 && _schema.Types.TryGetValue(type, out var def) && def.Kind == "OBJECT";

    /// <summary>The fields of a selection set with fragments expanded, each with the type condition it sits under ("" for the parent).</summary>
    private IEnumerable<(GqlField Field, string Type)> Flatten(List<GqlSelection> selections, string type, int depth)
    {
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GqlField field:
                    yield return (field, type);
                    break;
                case GqlInlineFragment inline:
                    foreach (var f in Flatten(inline.SelectionSet, inline.TypeCondition.Length > 0 ? inline.TypeCondition : type, depth + 1))
                    {
                        yield return f;
                    }

                    break;
                case GqlFragmentSpread spread when depth < 16 && _fragments.TryGetValue(spread.Name, out var fragment):
                    foreach (var f in Flatten(fragment.SelectionSet, fragment.TypeCondition, depth + 1))
                    {
                        yield return f;
                    }

                    break;
            }
        }
    }

    private static bool SameArguments(List<GqlArgument> a, List<GqlArgument> b) =>
        a.Count == b.Count && a.All(x => b.FirstOrDefault(y => y.Name == x.Name) is { } y && Show(x.Value) == Show(y.Value) && x.Value.Kind == y.Value.Kind);

    private void Field(GqlField field, GqlDefinition parent, OperationScope? scope)
    {
        GqlFieldDefinition? definition;
        if (field.Name == "__typename")
        {
            definition = new GqlFieldDefinition("", "__typename", [], null, new GqlType("String", null, true), [], field.Pos);
        }
        else if (field.Name is "__schema" or "__type" && scope is not null && ReferenceEquals(parent, _schema.Query))
        {
            definition = field.Name == "__schema"
                ? new GqlFieldDefinition("", "__schema", [], null, new GqlType("__Schema", null, true), [], field.Pos)
                : new GqlFieldDefinition("", "__type", [new GqlArgumentDefinition("", "name", null, new GqlType("String", null, true), [], field.Pos)], null, new GqlType("__Type", null, false), [], field.Pos);
        }
        else
        {
            definition = parent.Kind is "OBJECT" or "INTERFACE" ? parent.Fields.FirstOrDefault(f => f.Name == field.Name) : null;
        }

        if (definition is null)
        {
            Fail($"Cannot query field \"{field.Name}\" on type \"{parent.Name}\".{FieldSuggestion(field.Name, parent)}", field.Pos);
            return;
        }

        Arguments(field.Arguments, definition.Arguments, $"field \"{parent.Name}.{field.Name}\"", scope, field.Pos,
            a => $"Field \"{field.Name}\" argument \"{a.Name}\" of type \"{a.Type}\" is required, but it was not provided.");
        Directives(field.Directives, "FIELD", scope);
        var type = _schema.Types[definition.Type.Name];
        if (type.Kind is "SCALAR" or "ENUM")
        {
            if (field.SelectionSet.Count > 0)
            {
                Fail($"Field \"{field.Name}\" must not have a selection since type \"{definition.Type}\" has no subfields.", field.Pos);
            }

            return;
        }

        if (field.SelectionSet.Count == 0)
        {
            Fail($"Field \"{field.Name}\" of type \"{definition.Type}\" must have a selection of subfields. Did you mean \"{field.Name} {{ ... }}\"?", field.Pos);
        }

        Selections(field.SelectionSet, type, scope);
    }

    private string FieldSuggestion(string name, GqlDefinition parent)
    {
        if (parent.Kind is "INTERFACE" or "UNION")
        {
            var types = _schema.PossibleTypes(parent).Where(t => t.Fields.Any(f => f.Name == name)).Select(t => t.Name).ToList();
            if (types.Count > 0)
            {
                return $" Did you mean to use an inline fragment on {QuotedOrList(types)}?";
            }
        }

        var suggestions = SuggestionList(name, parent.Fields.Select(f => f.Name));
        return suggestions.Count > 0 ? $" Did you mean {QuotedOrList(suggestions)}?" : "";
    }

    private void Arguments(List<GqlArgument> given, List<GqlArgumentDefinition> defined, string owner, OperationScope? scope, GqlPos pos, Func<GqlArgumentDefinition, string> missing)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in given)
        {
            if (!seen.Add(argument.Name))
            {
                Fail($"There can be only one argument named \"{argument.Name}\".", argument.Pos);
            }

            var definition = defined.FirstOrDefault(d => d.Name == argument.Name);
            if (definition is null)
            {
                var suggestions = SuggestionList(argument.Name, defined.Select(d => d.Name));
                Fail($"Unknown argument \"{argument.Name}\" on {owner}.{(suggestions.Count > 0 ? $" Did you mean {QuotedOrList(suggestions)}?" : "")}", argument.Pos);
                return;
            }

            Value(argument.Value, definition.Type, scope, definition.DefaultValue is not null);
        }

        foreach (var definition in defined)
        {
            if (definition.Type.NonNull && definition.DefaultValue is null && !seen.Contains(definition.Name))
            {
                Fail(missing(definition), pos);
            }
        }
    }

    private void Directives(List<GqlDirective> directives, string location, OperationScope? scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (!_schema.Directives.TryGetValue(directive.Name, out var definition))
            {
                Fail($"Unknown directive \"@{directive.Name}\".", directive.Pos);
                return;
            }

            if (!definition.Locations.Contains(location))
            {
                Fail($"Directive \"@{directive.Name}\" may not be used on {location}.", directive.Pos);
            }

            if (!definition.IsRepeatable && !seen.Add(directive.Name))
            {
                Fail($"The directive \"@{directive.Name}\" can only be used once at this location.", directive.Pos);
            }

            Arguments(directive.Arguments, definition.Arguments, $"directive \"@{directive.Name}\"", scope, directive.Pos,
                a => $"Directive \"@{directive.Name}\" argument \"{a.Name}\" of type \"{a.Type}\" is required, but it was not provided.");
        }
    }

    /// <summary>Checks a literal against its expected type; variables are recorded and checked for position.</summary>
    private void Value(GqlValue value, GqlType expected, OperationScope? scope, bool hasDefault = false)
    {
        if (value.Kind == GqlValueKind.Variable)
        {
            if (scope is null)
            {
                return;
            }

            scope.Used.TryAdd(value.Raw, value.Pos);
            if (scope.Variables.TryGetValue(value.Raw, out var variable))
            {
                var given = variable.Type;
                if (expected.NonNull && !given.NonNull && variable.DefaultValue is null && !hasDefault)
                {
                    Fail($"Variable \"${value.Raw}\" of type \"{given}\" used in position expecting type \"{expected}\".", value.Pos);
                }

                if (!Compatible(given with { NonNull = given.NonNull || variable.DefaultValue is not null || hasDefault }, expected))
                {
                    Fail($"Variable \"${value.Raw}\" of type \"{given}\" used in position expecting type \"{expected}\".", value.Pos);
                }
            }

            return;
        }

        if (value.Kind == GqlValueKind.Null)
        {
            if (expected.NonNull)
            {
                Fail($"Expected value of type \"{expected}\", found null.", value.Pos);
            }

            return;
        }

        if (expected.Elem is not null)
        {
            var elem = expected.Elem;
            if (value.Kind == GqlValueKind.List)
            {
                foreach (var (_, item) in value.Children)
                {
                    Value(item, elem, scope);
                }
            }
            else
            {
                Value(value, elem, scope);
            }

            return;
        }

        if (!_schema.Types.TryGetValue(expected.NamedType, out var type))
        {
            return;
        }

        var shown = Show(value);
        switch (type.Kind)
        {
            case "INPUT_OBJECT":
                if (value.Kind != GqlValueKind.Object)
                {
                    Fail($"Expected value of type \"{expected}\", found {shown}.", value.Pos);
                }

                foreach (var (name, child) in value.Children)
                {
                    var field = type.Fields.FirstOrDefault(f => f.Name == name);
                    if (field is null)
                    {
                        var suggestions = SuggestionList(name, type.Fields.Select(f => f.Name));
                        Fail($"Field \"{name}\" is not defined by type \"{type.Name}\".{(suggestions.Count > 0 ? $" Did you mean {QuotedOrList(suggestions)}?" : "")}", child.Pos);
                        return;
                    }

                    Value(child, field.Type, scope, field.DefaultValue is not null);
                }

                var fieldNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, child) in value.Children)
                {
                    if (!fieldNames.Add(name))
                    {
                        Fail($"There can be only one input field named \"{name}\".", child.Pos);
                    }
                }

                foreach (var field in type.Fields)
                {
                    if (field.Type.NonNull && field.DefaultValue is null && !fieldNames.Contains(field.Name))
                    {
                        Fail($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", value.Pos);
                    }
                }

                break;
            case "ENUM":
                if (value.Kind != GqlValueKind.Enum || !type.EnumValues.Any(v => v.Name == value.Raw))
                {
                    Fail(value.Kind == GqlValueKind.Enum
                        ? $"Value \"{value.Raw}\" does not exist in \"{type.Name}\" enum."
                        : $"Enum \"{type.Name}\" cannot represent non-enum value: {shown}.", value.Pos);
                }

                break;
            case "SCALAR":
                var ok = type.Name switch
                {
                    "Int" => value.Kind == GqlValueKind.Int && long.TryParse(value.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= int.MinValue and <= int.MaxValue,
                    "Float" => value.Kind is GqlValueKind.Int or GqlValueKind.Float,
                    "String" => value.Kind is GqlValueKind.String or GqlValueKind.Block,
                    "Boolean" => value.Kind == GqlValueKind.Boolean,
                    "ID" => value.Kind is GqlValueKind.String or GqlValueKind.Block or GqlValueKind.Int,
                    _ => true, // custom scalars accept any literal
                };
                if (!ok)
                {
                    Fail(type.Name switch
                    {
                        "Int" when value.Kind == GqlValueKind.Int => $"Int cannot represent non 32-bit signed integer value: {value.Raw}",
                        "Int" => $"Int cannot represent non-integer value: {shown}",
                        "Float" => $"Float cannot represent non numeric value: {shown}",
                        "String" => $"String cannot represent a non string value: {shown}",
                        "Boolean" => $"Boolean cannot represent a non boolean value: {shown}",
                        _ => $"ID cannot represent a non-string and non-integer value: {shown}",
                    }, value.Pos);
                }

                break;
            default:
                Fail($"Expected value of type \"{expected}\", found {shown}.", value.Pos);
                break;
        }
    }

    /// <summary>A literal as graphql-js prints it in messages.</summary>
    private static string Show(GqlValue value) => value.Kind switch
    {
        GqlValueKind.String or GqlValueKind.Block => "\"" + value.Raw.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        GqlValueKind.Variable => "$" + value.Raw,
        GqlValueKind.List => "[" + string.Join(", ", value.Children.Select(c => Show(c.Value))) + "]",
        GqlValueKind.Object => "{" + string.Join(", ", value.Children.Select(c => $"{c.Name}: {Show(c.Value)}")) + "}",
        _ => value.Raw,
    };

    /// <summary>Whether a variable of type <paramref name="given"/> may flow where <paramref name="expected"/> is wanted.</summary>
    private static bool Compatible(GqlType given, GqlType expected)
    {
        if (expected.NonNull)
        {
            return given.NonNull && Compatible(given with { NonNull = false }, expected with { NonNull = false });
        }

        if (given.NonNull)
        {
            return Compatible(given with { NonNull = false }, expected);
        }

        if (expected.Elem is not null)
        {
            return given.Elem is not null && Compatible(given.Elem, expected.Elem);
        }

        return given.Elem is null && given.NamedType == expected.NamedType;
    }

    private GqlDefinition CompositeCondition(string typeName, GqlPos pos, string notComposite)
    {
        if (!_schema.Types.TryGetValue(typeName, out var type))
        {
            Fail($"Unknown type \"{typeName}\".", pos);
        }

        if (type!.Kind is not ("OBJECT" or "INTERFACE" or "UNION"))
        {
            Fail(notComposite, pos);
        }

        return type;
    }

    private bool Overlap(GqlDefinition a, GqlDefinition b)
    {
        if (a.Name == b.Name)
        {
            return true;
        }

        var possible = _schema.PossibleTypes(a).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return _schema.PossibleTypes(b).Any(t => possible.Contains(t.Name));
    }

    /// <summary>
    /// graphql-js's cycle detection: a depth-first walk over fragment spreads that enters each fragment once, with the
    /// current path indexed, so a cycle is found in linear time however the fragments fan out.
    /// </summary>
    private void CheckCycles(GqlFragment fragment, HashSet<string> visited, List<GqlFragmentSpread> path, Dictionary<string, int> pathIndex)
    {
        if (!visited.Add(fragment.Name))
        {
            return;
        }

        pathIndex[fragment.Name] = path.Count;
        foreach (var spread in Spreads(fragment.SelectionSet))
        {
            path.Add(spread);
            if (pathIndex.TryGetValue(spread.Name, out var cycleStart))
            {
                var via = path.Skip(cycleStart).SkipLast(1).Select(s => $"\"{s.Name}\"").ToList();
                Fail($"Cannot spread fragment \"{spread.Name}\" within itself{(via.Count > 0 ? " via " + string.Join(", ", via) : "")}.", spread.Pos);
            }

            if (_fragments.TryGetValue(spread.Name, out var next))
            {
                if (path.Count > MaxSpreadDepth)
                {
                    Fail($"fragment spreads nest deeper than {MaxSpreadDepth} levels", spread.Pos);
                }

                CheckCycles(next, visited, path, pathIndex);
            }

            path.RemoveAt(path.Count - 1);
        }

        pathIndex.Remove(fragment.Name);
    }

    private static IEnumerable<GqlFragmentSpread> Spreads(List<GqlSelection> selections)
    {
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GqlFragmentSpread spread:
                    yield return spread;
                    break;
                case GqlField field:
                    foreach (var s in Spreads(field.SelectionSet))
                    {
                        yield return s;
                    }

                    break;
                case GqlInlineFragment inline:
                    foreach (var s in Spreads(inline.SelectionSet))
                    {
                        yield return s;
                    }

                    break;
            }
        }
    }

    private static void Fail(string message, GqlPos pos) => throw new GqlException(message, pos);

    /// <summary>graphql-js's suggestionList: the options within a lexical distance of about 40 % of the input, nearest first.</summary>
    private static List<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var lower = input.ToLowerInvariant();
        return options
            .Select(o => (Option: o, Distance: o.ToLowerInvariant() == lower ? 1 : Distance(lower, o.ToLowerInvariant())))
            .Where(x => x.Distance <= threshold)
            .OrderBy(x => x.Distance).ThenBy(x => x.Option, StringComparer.Ordinal)
            .Select(x => x.Option).ToList();
    }

    /// <summary>Damerau–Levenshtein (optimal string alignment) distance.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>"A", "A" or "B", "A", "B", or "C" (at most five), as graphql-js lists suggestions.</summary>
    private static string QuotedOrList(IReadOnlyList<string> items)
    {
        var quoted = items.Take(5).Select(i => $"\"{i}\"").ToList();
        return quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} or {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1],
        };
    }
}
