using System.Globalization;
using System.Text;

namespace Steward.Policy.Builtins.GraphQL;

/// <summary>
/// Validates an executable document against a schema as gqlparser v2.4.8 (OPA's vendored copy) does: one walk over the
/// document (each operation, then each fragment definition; a fragment spread is entered once per walk) raises events
/// after their children (values, directives, fields, inline fragments, spreads, fragments, operations), and each event
/// runs the rules in the order their files register (alphabetical). Every error is collected, in that order, duplicates
/// included (a fragment's errors repeat for each walk that enters it). The walker annotates nodes as it goes (a field's
/// definition, a spread's fragment) and rules read those annotations, so a node not yet walked counts as unresolved,
/// as in gqlparser. Crafted documents are bounded: fragment-spread chains deeper than 100 and walks longer than 200,000
/// selections end validation with one error instead of taking quadratic or exponential time.
/// </summary>
internal sealed class GqlValidator
{
    /// <summary>The longest chain of fragments spreading fragments that is followed (the cycle check recurses).</summary>
    private const int MaxSpreadDepth = 100;

    /// <summary>The most selections (and field comparisons) a validation visits.</summary>
    private const int MaxVisits = 200_000;

    private int _visits;

    /// <summary>How deep the walk (and the overlapping-fields comparison) has recursed, and through how many spreads.</summary>
    private int _depth;
    private int _spreadDepth;

    /// <summary>The deepest recursion allowed (selections nest at most 256 levels per fragment; spreads chain at most 100).</summary>
    private const int MaxDepth = 2_000;

    private readonly GqlSchema _schema;
    private readonly GqlQueryDocument _document;
    private readonly List<(string Message, GqlPos Pos)> _errors = [];

    // the walker's annotations (gqlparser stores them on the AST nodes)
    private readonly Dictionary<GqlField, (GqlDefinition? Parent, GqlFieldDefinition? Definition)> _fields = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlFragmentSpread, GqlFragment?> _spreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlInlineFragment, GqlDefinition?> _inlineParents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlFragmentSpread, GqlDefinition?> _spreadParents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlValue, (GqlType? Expected, GqlDefinition? Definition)> _valueTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlValue, GqlVariableDefinition?> _valueVariables = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<GqlVariableDefinition> _usedVariables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GqlDirective, (GqlDirectiveDefinition? Definition, string Location)> _directives = new(ReferenceEqualityComparer.Instance);

    private GqlOperation? _operation;
    private HashSet<string> _validatedSpreads = new(StringComparer.Ordinal);

    // rule state that lives for the whole validation
    private readonly HashSet<(string, int, int)> _misplacedDirectives = [];
    private readonly HashSet<string> _cycleVisited = new(StringComparer.Ordinal);
    private bool _inFragmentDefinition;
    private readonly HashSet<string> _usedFragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fragmentNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _operationNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, bool>> _comparedFragmentPairs = new(StringComparer.Ordinal);
    private HashSet<string> _comparedFragments = new(StringComparer.Ordinal);

    private static readonly GqlFieldDefinition TypenameField = new("", "__typename", [], null, new GqlType("String", null, false), [], default);
    private static readonly GqlFieldDefinition SchemaField = new("", "__schema", [], null, new GqlType("__Schema", null, true), [], default);
    private static readonly GqlFieldDefinition TypeField = new("", "__type", [new GqlArgumentDefinition("", "name", null, new GqlType("String", null, true), [], default)], null, new GqlType("__Type", null, false), [], default);

    private GqlValidator(GqlSchema schema, GqlQueryDocument document)
    {
        _schema = schema;
        _document = document;
    }

    /// <summary>Every error gqlparser reports, in its order (empty when the document is valid).</summary>
    public static List<(string Message, GqlPos Pos)> Validate(GqlSchema schema, GqlQueryDocument document)
    {
        var validator = new GqlValidator(schema, document);
        validator.Walk();
        return validator._errors;
    }

    private void Error(string message, GqlPos pos) => _errors.Add((message, pos));

    private static void Abort(string message, GqlPos pos) => throw new GqlException(message, pos);

    private void Visit(GqlPos pos)
    {
        if (++_visits > MaxVisits)
        {
            Abort($"the document is too complex to validate (more than {MaxVisits} selections to visit)", pos);
        }
    }

    // ---------------------------------------------------------------- the walk

    private void Walk()
    {
        foreach (var operation in _document.Operations)
        {
            _validatedSpreads = new HashSet<string>(StringComparer.Ordinal);
            WalkOperation(operation);
        }

        foreach (var fragment in _document.Fragments)
        {
            _validatedSpreads = new HashSet<string>(StringComparer.Ordinal);
            WalkFragment(fragment);
        }
    }

    private GqlDefinition? TypeNamed(string name) => _schema.Types.GetValueOrDefault(name);

    private GqlFragment? FragmentNamed(string name) => _document.Fragments.FirstOrDefault(f => f.Name == name);

    private void WalkOperation(GqlOperation operation)
    {
        _operation = operation;
        foreach (var variable in operation.VariableDefinitions)
        {
            OnVariable(variable);
            if (variable.DefaultValue is { } value)
            {
                _valueTypes[value] = (variable.Type, TypeNamed(variable.Type.Name));
            }
        }

        var root = _schema.Root(operation.Operation);
        foreach (var variable in operation.VariableDefinitions)
        {
            if (variable.DefaultValue is { } value)
            {
                WalkValue(value);
            }

            WalkDirectives(TypeNamed(variable.Type.Name), variable.Directives, "VARIABLE_DEFINITION");
        }

        WalkDirectives(root, operation.Directives, operation.Operation.ToUpperInvariant());
        WalkSelectionSet(root, operation.SelectionSet);
        OnOperation(operation);
        _operation = null;
    }

    private void WalkFragment(GqlFragment fragment)
    {
        var type = TypeNamed(fragment.TypeCondition);
        WalkDirectives(type, fragment.Directives, "FRAGMENT_DEFINITION");
        WalkSelectionSet(type, fragment.SelectionSet);
        OnFragment(fragment, type);
    }

    private void WalkDirectives(GqlDefinition? parent, List<GqlDirective> directives, string location)
    {
        foreach (var directive in directives)
        {
            var definition = _schema.Directives.GetValueOrDefault(directive.Name);
            _directives[directive] = (definition, location);
            foreach (var argument in directive.Arguments)
            {
                WalkArgument(definition?.Arguments.FirstOrDefault(a => a.Name == argument.Name), argument);
            }

            OnDirective(directive, definition, location);
        }

        OnDirectiveList(directives);
    }

    private void WalkArgument(GqlArgumentDefinition? definition, GqlArgument argument)
    {
        if (definition is not null)
        {
            _valueTypes[argument.Value] = (definition.Type, TypeNamed(definition.Type.Name));
        }

        WalkValue(argument.Value);
    }

    private void WalkValue(GqlValue value)
    {
        if (value.Kind == GqlValueKind.Variable && _operation is not null)
        {
            var variable = _operation.VariableDefinitions.FirstOrDefault(v => v.Variable == value.Raw);
            _valueVariables[value] = variable;
            if (variable is not null)
            {
                _usedVariables.Add(variable);
            }
        }

        var (expected, definition) = _valueTypes.GetValueOrDefault(value);
        if (value.Kind == GqlValueKind.Object)
        {
            foreach (var (name, child) in value.Children)
            {
                if (definition?.Fields.FirstOrDefault(f => f.Name == name) is { } field)
                {
                    _valueTypes[child] = (field.Type, TypeNamed(field.Type.Name));
                }

                WalkValue(child);
            }
        }

        if (value.Kind == GqlValueKind.List)
        {
            foreach (var (_, child) in value.Children)
            {
                if (expected?.Elem is { } elem)
                {
                    _valueTypes[child] = (elem, definition);
                }

                WalkValue(child);
            }
        }

        OnValue(value);
    }

    private void WalkSelectionSet(GqlDefinition? parent, List<GqlSelection> selections)
    {
        foreach (var selection in selections)
        {
            WalkSelection(parent, selection);
        }
    }

    private GqlFieldDefinition? FieldOf(GqlDefinition? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        if (parent.Fields.FirstOrDefault(f => f.Name == name) is { } field)
        {
            return field;
        }

        // gqlparser appends __schema and __type to the query root's fields
        return ReferenceEquals(parent, _schema.Query) ? name switch { "__schema" => SchemaField, "__type" => TypeField, _ => null } : null;
    }

    private IEnumerable<string> FieldNames(GqlDefinition parent)
    {
        var names = parent.Fields.Select(f => f.Name);
        return ReferenceEquals(parent, _schema.Query) ? names.Concat(["__schema", "__type"]) : names;
    }

    private void Enter(GqlPos pos)
    {
        if (++_depth > MaxDepth)
        {
            Abort($"the document is too complex to validate (selections nest deeper than {MaxDepth} levels)", pos);
        }
    }

    private void WalkSelection(GqlDefinition? parent, GqlSelection selection)
    {
        Visit(selection.Pos);
        Enter(selection.Pos);
        try
        {
            WalkSelectionCore(parent, selection);
        }
        finally
        {
            _depth--;
        }
    }

    private void WalkSelectionCore(GqlDefinition? parent, GqlSelection selection)
    {
        switch (selection)
        {
            case GqlField field:
            {
                var definition = field.Name == "__typename" ? TypenameField : FieldOf(parent, field.Name);
                _fields[field] = (parent, definition);
                var next = definition is null ? null : TypeNamed(definition.Type.Name);
                foreach (var argument in field.Arguments)
                {
                    WalkArgument(definition?.Arguments.FirstOrDefault(a => a.Name == argument.Name), argument);
                }

                WalkDirectives(next, field.Directives, "FIELD");
                WalkSelectionSet(next, field.SelectionSet);
                OnField(field, parent, definition);
                break;
            }

            case GqlInlineFragment inline:
            {
                _inlineParents[inline] = parent;
                var next = inline.TypeCondition.Length == 0 ? parent : TypeNamed(inline.TypeCondition);
                WalkDirectives(next, inline.Directives, "INLINE_FRAGMENT");
                WalkSelectionSet(next, inline.SelectionSet);
                OnInlineFragment(inline, parent);
                break;
            }

            case GqlFragmentSpread spread:
            {
                var fragment = FragmentNamed(spread.Name);
                _spreads[spread] = fragment;
                _spreadParents[spread] = parent;
                var next = fragment is null ? null : TypeNamed(fragment.TypeCondition);
                WalkDirectives(next, spread.Directives, "FRAGMENT_SPREAD");
                if (fragment is not null && _validatedSpreads.Add(fragment.Name))
                {
                    if (++_spreadDepth > MaxSpreadDepth)
                    {
                        Abort($"fragment spreads nest deeper than {MaxSpreadDepth} levels", spread.Pos);
                    }

                    WalkSelectionSet(next, fragment.SelectionSet);
                    _spreadDepth--;
                }

                OnFragmentSpread(spread, fragment, parent);
                break;
            }
        }
    }

    // ---------------------------------------------------------------- events, each running the rules in registration order

    private void OnOperation(GqlOperation operation)
    {
        // KnownRootType
        if (_schema.Root(operation.Operation) is null)
        {
            Error($"Schema does not support operation type \"{operation.Operation}\"", operation.Pos);
        }

        // LoneAnonymousOperation
        if (operation.Name.Length == 0 && _document.Operations.Count > 1)
        {
            Error("This anonymous operation must be the only defined operation.", operation.Pos);
        }

        // NoUnusedVariables
        foreach (var variable in operation.VariableDefinitions.Where(v => !_usedVariables.Contains(v)))
        {
            Error(operation.Name.Length > 0
                ? $"Variable \"${variable.Variable}\" is never used in operation \"{operation.Name}\"."
                : $"Variable \"${variable.Variable}\" is never used.", variable.Pos);
        }

        // OverlappingFieldsCanBeMerged
        ConflictsWithin(operation.SelectionSet);

        // SingleFieldSubscriptions
        if (_schema.Subscription is not null && operation.Operation == "subscription")
        {
            var fields = TopFields(operation.SelectionSet);
            var name = operation.Name.Length > 0 ? $"Subscription {GoQuote(operation.Name)}" : "Anonymous Subscription";
            if (fields.Count > 1)
            {
                Error($"{name} must select only one top level field.", fields[1].Pos);
            }

            foreach (var field in fields.Where(f => f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                Error($"{name} must not select an introspection top level field.", field.Pos);
            }
        }

        // UniqueOperationNames
        if (!_operationNames.Add(operation.Name))
        {
            Error($"There can be only one operation named \"{operation.Name}\".", operation.Pos);
        }

        // UniqueVariableNames
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var variable in operation.VariableDefinitions)
        {
            if (seen.GetValueOrDefault(variable.Variable) == 1)
            {
                Error($"There can be only one variable named \"${variable.Variable}\".", variable.Pos);
            }

            seen[variable.Variable] = seen.GetValueOrDefault(variable.Variable) + 1;
        }

        // VariablesAreInputTypes
        foreach (var variable in operation.VariableDefinitions)
        {
            if (TypeNamed(variable.Type.Name) is { } type && type.Kind is not ("SCALAR" or "ENUM" or "INPUT_OBJECT"))
            {
                Error($"Variable \"${variable.Variable}\" cannot be non-input type \"{variable.Type}\".", variable.Pos);
            }
        }
    }

    private void OnVariable(GqlVariableDefinition variable)
    {
        // KnownTypeNames
        if (TypeNamed(variable.Type.Name) is null)
        {
            Error($"Unknown type \"{variable.Type.Name}\".", variable.Pos);
        }
    }

    private void OnField(GqlField field, GqlDefinition? parent, GqlFieldDefinition? definition)
    {
        // FieldsOnCorrectType
        if (parent is not null && definition is null)
        {
            var message = $"Cannot query field \"{field.Name}\" on type \"{parent.Name}\".";
            if (SuggestedTypeNames(parent, field.Name) is { Count: > 0 } types)
            {
                message += $" Did you mean to use an inline fragment on {QuotedOrList(types)}?";
            }
            else if (parent.Kind is "OBJECT" or "INTERFACE" && SuggestionList(field.Name, FieldNames(parent)) is { Count: > 0 } names)
            {
                message += $" Did you mean {QuotedOrList(names)}?";
            }

            Error(message, field.Pos);
        }

        // KnownArgumentNames
        if (definition is not null && parent is not null)
        {
            foreach (var argument in field.Arguments.Where(a => definition.Arguments.All(d => d.Name != a.Name)))
            {
                Error($"Unknown argument \"{argument.Name}\" on field \"{parent.Name}.{field.Name}\".{Suggest("Did you mean", argument.Name, definition.Arguments.Select(a => a.Name))}", field.Pos);
            }
        }

        // OverlappingFieldsCanBeMerged (fields of fragment definitions are compared where the operation spreads them)
        if (_operation is not null)
        {
            ConflictsWithin(field.SelectionSet);
        }

        // ProvidedRequiredArguments
        if (definition is not null)
        {
            foreach (var argument in definition.Arguments.Where(a => a.Type.NonNull && a.DefaultValue is null && field.Arguments.All(g => g.Name != a.Name)))
            {
                Error($"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", field.Pos);
            }
        }

        // ScalarLeafs
        if (definition is not null && TypeNamed(definition.Type.Name) is { } type)
        {
            var leaf = type.Kind is "SCALAR" or "ENUM";
            if (leaf && field.SelectionSet.Count > 0)
            {
                Error($"Field \"{field.Name}\" must not have a selection since type \"{type.Name}\" has no subfields.", field.Pos);
            }

            if (!leaf && field.SelectionSet.Count == 0)
            {
                Error($"Field \"{field.Name}\" of type \"{definition.Type}\" must have a selection of subfields. Did you mean \"{field.Name} {{ ... }}\"?", field.Pos);
            }
        }

        // UniqueArgumentNames
        UniqueArguments(field.Arguments);
    }

    private void OnFragment(GqlFragment fragment, GqlDefinition? type)
    {
        // FragmentsOnCompositeTypes
        if (type is not null && fragment.TypeCondition.Length > 0 && type.Kind is not ("OBJECT" or "INTERFACE" or "UNION"))
        {
            Error($"Fragment \"{fragment.Name}\" cannot condition on non composite type \"{fragment.TypeCondition}\".", fragment.Pos);
        }

        // KnownTypeNames
        if (type is null)
        {
            Error($"Unknown type \"{fragment.TypeCondition}\".{Suggest("Did you mean", fragment.TypeCondition, _schema.Types.Keys)}", fragment.Pos);
        }

        // NoFragmentCycles
        CheckCycles(fragment, [], new Dictionary<string, int>(StringComparer.Ordinal));

        // NoUnusedFragments
        _inFragmentDefinition = true;
        if (!_usedFragments.Contains(fragment.Name))
        {
            Error($"Fragment \"{fragment.Name}\" is never used.", fragment.Pos);
        }

        // OverlappingFieldsCanBeMerged
        ConflictsWithin(fragment.SelectionSet);

        // UniqueFragmentNames
        if (!_fragmentNames.Add(fragment.Name))
        {
            Error($"There can be only one fragment named \"{fragment.Name}\".", fragment.Pos);
        }
    }

    private void OnInlineFragment(GqlInlineFragment inline, GqlDefinition? parent)
    {
        var type = TypeNamed(inline.TypeCondition);

        // FragmentsOnCompositeTypes
        if (type is not null && type.Kind is not ("OBJECT" or "INTERFACE" or "UNION"))
        {
            Error($"Fragment cannot condition on non composite type \"{inline.TypeCondition}\".", inline.Pos);
        }

        // KnownTypeNames
        if (inline.TypeCondition.Length > 0 && type is null)
        {
            Error($"Unknown type \"{inline.TypeCondition}\".", inline.Pos);
        }

        // OverlappingFieldsCanBeMerged
        ConflictsWithin(inline.SelectionSet);

        // PossibleFragmentSpreads
        if (parent is not null && !CanSpread(parent, inline.TypeCondition))
        {
            Error($"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{inline.TypeCondition}\".", inline.Pos);
        }
    }

    private void OnFragmentSpread(GqlFragmentSpread spread, GqlFragment? fragment, GqlDefinition? parent)
    {
        // KnownFragmentNames
        if (fragment is null)
        {
            Error($"Unknown fragment \"{spread.Name}\".", spread.Pos);
        }

        // NoUnusedFragments
        if (!_inFragmentDefinition)
        {
            _usedFragments.Add(spread.Name);
        }

        // PossibleFragmentSpreads
        if (fragment is not null && parent is not null && !CanSpread(parent, fragment.TypeCondition))
        {
            Error($"Fragment \"{spread.Name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragment.TypeCondition}\".", spread.Pos);
        }
    }

    private void OnDirective(GqlDirective directive, GqlDirectiveDefinition? definition, string location)
    {
        // KnownArgumentNames
        if (definition is not null)
        {
            foreach (var argument in directive.Arguments.Where(a => definition.Arguments.All(d => d.Name != a.Name)))
            {
                Error($"Unknown argument \"{argument.Name}\" on directive \"@{directive.Name}\".{Suggest("Did you mean", argument.Name, definition.Arguments.Select(a => a.Name))}", directive.Pos);
            }
        }

        // KnownDirectives
        if (definition is null)
        {
            Error($"Unknown directive \"@{directive.Name}\".", directive.Pos);
        }
        else if (!definition.Locations.Contains(location) && _misplacedDirectives.Add((directive.Name, directive.Pos.Line, directive.Pos.Column)))
        {
            Error($"Directive \"@{directive.Name}\" may not be used on {location}.", directive.Pos);
        }

        // ProvidedRequiredArguments
        if (definition is not null)
        {
            foreach (var argument in definition.Arguments.Where(a => a.Type.NonNull && a.DefaultValue is null && directive.Arguments.All(g => g.Name != a.Name)))
            {
                Error($"Directive \"@{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", directive.Pos);
            }
        }

        // UniqueArgumentNames
        UniqueArguments(directive.Arguments);
    }

    private void OnDirectiveList(List<GqlDirective> directives)
    {
        // UniqueDirectivesPerLocation (gqlparser exempts only a directive named "repeatable")
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (directive.Name != "repeatable" && seen.Contains(directive.Name))
            {
                Error($"The directive \"@{directive.Name}\" can only be used once at this location.", directive.Pos);
            }

            seen.Add(directive.Name);
        }
    }

    private void OnValue(GqlValue value)
    {
        var variable = _valueVariables.GetValueOrDefault(value);

        // NoUndefinedVariables
        if (_operation is not null && value.Kind == GqlValueKind.Variable && variable is null)
        {
            Error(_operation.Name.Length > 0
                ? $"Variable \"${value.Raw}\" is not defined by operation \"{_operation.Name}\"."
                : $"Variable \"${value.Raw}\" is not defined.", value.Pos);
        }

        // UniqueInputFieldNames (gqlparser reports at the field's name; Steward keeps the value's position)
        if (value.Kind == GqlValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, child) in value.Children)
            {
                if (!seen.Add(name))
                {
                    Error($"There can be only one input field named \"{name}\".", child.Pos);
                }
            }
        }

        // ValuesOfCorrectType
        var (expected, definition) = _valueTypes.GetValueOrDefault(value);
        if (expected is not null && definition is not null)
        {
            ValueOfCorrectType(value, expected, definition);
        }

        // VariablesInAllowedPosition
        if (value.Kind == GqlValueKind.Variable && expected is not null && variable is not null && _operation is not null)
        {
            var wanted = expected;
            if (variable.DefaultValue is { Kind: not GqlValueKind.Null } && expected.NonNull)
            {
                wanted = expected with { NonNull = false };
            }

            if (!IsCompatible(variable.Type, wanted))
            {
                Error($"Variable \"${value.Raw}\" of type \"{variable.Type}\" used in position expecting type \"{expected}\".", value.Pos);
            }
        }
    }

    // ---------------------------------------------------------------- rule helpers

    private void UniqueArguments(List<GqlArgument> arguments)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (seen.GetValueOrDefault(argument.Name) == 1)
            {
                Error($"There can be only one argument named \"{argument.Name}\".", argument.Pos);
            }

            seen[argument.Name] = seen.GetValueOrDefault(argument.Name) + 1;
        }
    }

    /// <summary>gqlparser's getSuggestedTypeNames: for an abstract type, the interfaces (most used first) and objects having the field.</summary>
    private List<string> SuggestedTypeNames(GqlDefinition parent, string name)
    {
        if (parent.Kind is not ("INTERFACE" or "UNION"))
        {
            return [];
        }

        var objects = new List<string>();
        var interfaces = new List<string>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in _schema.PossibleTypes(parent))
        {
            if (possible.Fields.All(f => f.Name != name))
            {
                continue;
            }

            objects.Add(possible.Name);
            foreach (var iface in possible.Interfaces)
            {
                if (TypeNamed(iface) is { } def && def.Fields.Any(f => f.Name == name))
                {
                    if (usage.GetValueOrDefault(iface) == 0)
                    {
                        interfaces.Add(iface);
                    }

                    usage[iface] = usage.GetValueOrDefault(iface) + 1;
                }
            }
        }

        return interfaces.Concat(objects)
            .Select((n, i) => (Name: n, Index: i))
            .OrderByDescending(x => usage.GetValueOrDefault(x.Name)).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Index)
            .Select(x => x.Name).ToList();
    }

    private bool CanSpread(GqlDefinition parent, string fragmentType)
    {
        IEnumerable<GqlDefinition> parents = parent.Kind switch
        {
            "OBJECT" => [parent],
            "INTERFACE" or "UNION" => _schema.PossibleTypes(parent),
            _ => [],
        };
        if (parent.Kind is not ("OBJECT" or "INTERFACE" or "UNION"))
        {
            return true;
        }

        if (TypeNamed(fragmentType) is not { } type || type.Kind is not ("OBJECT" or "INTERFACE" or "UNION"))
        {
            return true;
        }

        var names = parents.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return _schema.PossibleTypes(type).Any(t => names.Contains(t.Name));
    }

    /// <summary>gqlparser's retrieveTopFieldNames: the root fields (fragments entered once), first of each name.</summary>
    private List<(string Name, GqlPos Pos)> TopFields(List<GqlSelection> selections)
    {
        var fields = new List<(string Name, GqlPos Pos)>();
        var entered = new HashSet<string>(StringComparer.Ordinal);

        void Walk(List<GqlSelection> set)
        {
            foreach (var selection in set)
            {
                switch (selection)
                {
                    case GqlField field:
                        fields.Add((field.Name, field.Pos));
                        break;
                    case GqlInlineFragment inline:
                        Walk(inline.SelectionSet);
                        break;
                    case GqlFragmentSpread spread:
                        if (_spreads.GetValueOrDefault(spread) is not { } fragment)
                        {
                            return;
                        }

                        if (entered.Add(fragment.Name))
                        {
                            Walk(fragment.SelectionSet);
                        }

                        break;
                }
            }
        }

        Walk(selections);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return fields.Where(f => seen.Add(f.Name)).ToList();
    }

    /// <summary>
    /// gqlparser's NoFragmentCycles at one fragment: a depth-first walk over spreads that enters each fragment once in
    /// the whole validation, with the current path indexed, so it is linear however the fragments fan out.
    /// </summary>
    private void CheckCycles(GqlFragment fragment, List<GqlFragmentSpread> path, Dictionary<string, int> pathIndex)
    {
        if (!_cycleVisited.Add(fragment.Name))
        {
            return;
        }

        var spreads = FragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        pathIndex[fragment.Name] = path.Count;
        foreach (var spread in spreads)
        {
            var known = pathIndex.TryGetValue(spread.Name, out var cycleIndex);
            path.Add(spread);
            if (!known)
            {
                if (FragmentNamed(spread.Name) is { } next)
                {
                    if (path.Count > MaxSpreadDepth)
                    {
                        Abort($"fragment spreads nest deeper than {MaxSpreadDepth} levels", spread.Pos);
                    }

                    CheckCycles(next, path, pathIndex);
                }
            }
            else
            {
                var via = path.Skip(cycleIndex).Take(path.Count - 1 - cycleIndex).Select(s => $"\"{s.Name}\"").ToList();
                Error($"Cannot spread fragment \"{spread.Name}\" within itself{(via.Count > 0 ? " via " + string.Join(", ", via) : "")}.", spread.Pos);
            }

            path.RemoveAt(path.Count - 1);
        }

        pathIndex.Remove(fragment.Name);
    }

    /// <summary>gqlparser's getFragmentSpreads: the spreads of a selection set, nested sets visited from a stack (last first).</summary>
    private static List<GqlFragmentSpread> FragmentSpreads(List<GqlSelection> root)
    {
        var spreads = new List<GqlFragmentSpread>();
        var stack = new Stack<List<GqlSelection>>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop())
            {
                switch (selection)
                {
                    case GqlFragmentSpread spread:
                        spreads.Add(spread);
                        break;
                    case GqlField field:
                        stack.Push(field.SelectionSet);
                        break;
                    case GqlInlineFragment inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return spreads;
    }

    // ---------------------------------------------------------------- values

    private void ValueOfCorrectType(GqlValue value, GqlType expected, GqlDefinition definition)
    {
        if (value.Kind == GqlValueKind.Null && expected.NonNull)
        {
            Error($"Expected value of type \"{expected}\", found {Show(value)}.", value.Pos);
        }

        if (definition.Kind == "SCALAR" && definition.Name is not ("Int" or "Float" or "String" or "Boolean" or "ID"))
        {
            return; // custom scalars accept any literal
        }

        var enums = definition.Kind == "ENUM" ? definition.EnumValues.Select(v => v.Name).ToList() : [];
        if (!Convertible(value, 0))
        {
            Error(UnexpectedType(value, expected, definition), value.Pos);
        }

        switch (value.Kind)
        {
            case GqlValueKind.Null:
            case GqlValueKind.Variable:
                return;
            case GqlValueKind.List:
                if (expected.Elem is null)
                {
                    Error(UnexpectedType(value, expected, definition), value.Pos);
                }

                return;
            case GqlValueKind.Int:
                if (definition.Name is not ("Int" or "Float" or "ID"))
                {
                    Error(UnexpectedType(value, expected, definition), value.Pos);
                }

                return;
            case GqlValueKind.Float:
                if (definition.Name != "Float")
                {
                    Error(UnexpectedType(value, expected, definition), value.Pos);
                }

                return;
            case GqlValueKind.String or GqlValueKind.Block:
                if (definition.Kind == "ENUM")
                {
                    Error($"Enum \"{expected}\" cannot represent non-enum value: {Show(value)}.{Suggest("Did you mean the enum value", value.Raw, enums)}", value.Pos);
                }
                else if (definition.Name is not ("String" or "ID"))
                {
                    Error(UnexpectedType(value, expected, definition), value.Pos);
                }

                return;
            case GqlValueKind.Enum:
                if (definition.Kind != "ENUM")
                {
                    Error(UnexpectedType(value, expected, definition) + Suggest("Did you mean the enum value", value.Raw, enums, quoted: false), value.Pos);
                }
                else if (definition.EnumValues.All(v => v.Name != value.Raw))
                {
                    Error($"Value \"{Show(value)}\" does not exist in \"{expected}\" enum.{Suggest("Did you mean the enum value", value.Raw, enums)}", value.Pos);
                }

                return;
            case GqlValueKind.Boolean:
                if (definition.Name != "Boolean")
                {
                    Error(UnexpectedType(value, expected, definition), value.Pos);
                }

                return;
            case GqlValueKind.Object:
                foreach (var field in definition.Fields.Where(f => f.Type.NonNull && f.DefaultValue is null))
                {
                    if (value.Children.All(c => c.Name != field.Name))
                    {
                        Error($"Field \"{definition.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", value.Pos);
                    }
                }

                foreach (var (name, child) in value.Children)
                {
                    if (definition.Fields.All(f => f.Name != name))
                    {
                        Error($"Field \"{name}\" is not defined by type \"{definition.Name}\".{Suggest("Did you mean", name, definition.Fields.Select(f => f.Name))}", child.Pos);
                    }
                }

                return;
        }
    }

    /// <summary>Whether gqlparser's Value(nil) converts the literal without error (64-bit ints, finite floats).</summary>
    private bool Convertible(GqlValue value, int depth)
    {
        if (depth > 64)
        {
            return true;
        }

        return value.Kind switch
        {
            GqlValueKind.Int => long.TryParse(value.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            GqlValueKind.Float => double.TryParse(value.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
            GqlValueKind.List or GqlValueKind.Object => value.Children.All(c => Convertible(c.Value, depth + 1)),
            GqlValueKind.Variable => _valueVariables.GetValueOrDefault(value)?.DefaultValue is not { } d2 || Convertible(d2, depth + 1),
            _ => true,
        };
    }

    /// <summary>gqlparser's unexpectedTypeMessageOnly, chosen by the expected type's text.</summary>
    private static string UnexpectedType(GqlValue value, GqlType expected, GqlDefinition definition)
    {
        var shown = Show(value);
        switch (expected.ToString())
        {
            case "Int" or "Int!":
                var digits = value.Raw.TrimStart('-', '+');
                var outOfRange = digits.Length > 0 && digits.All(char.IsAsciiDigit) && value.Raw.LastIndexOfAny(['-', '+']) <= 0
                    && !int.TryParse(value.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                return outOfRange ? $"Int cannot represent non 32-bit signed integer value: {shown}" : $"Int cannot represent non-integer value: {shown}";
            case "String" or "String!" or "[String]":
                return $"String cannot represent a non string value: {shown}";
            case "Boolean" or "Boolean!":
                return $"Boolean cannot represent a non boolean value: {shown}";
            case "Float" or "Float!":
                return $"Float cannot represent non numeric value: {shown}";
            case "ID" or "ID!":
                return $"ID cannot represent a non-string and non-integer value: {shown}";
            default:
                return definition.Kind == "ENUM"
                    ? $"Enum \"{expected}\" cannot represent non-enum value: {shown}."
                    : $"Expected value of type \"{expected}\", found {shown}.";
        }
    }

    /// <summary>gqlparser's Value.String(): strings Go-quoted, lists and objects without spaces.</summary>
    private static string Show(GqlValue value) => value.Kind switch
    {
        GqlValueKind.String or GqlValueKind.Block => GoQuote(value.Raw),
        GqlValueKind.Variable => "$" + value.Raw,
        GqlValueKind.List => "[" + string.Join(",", value.Children.Select(c => Show(c.Value))) + "]",
        GqlValueKind.Object => "{" + string.Join(",", value.Children.Select(c => $"{c.Name}:{Show(c.Value)}")) + "}",
        _ => value.Raw,
    };

    /// <summary>Go's strconv.Quote for the usual characters: escapes for quotes, backslashes and control characters.</summary>
    private static string GoQuote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>gqlparser's Type.IsCompatible: whether a variable of type <paramref name="given"/> may flow where <paramref name="wanted"/> is.</summary>
    private static bool IsCompatible(GqlType given, GqlType? wanted)
    {
        if (wanted is null)
        {
            return given is null;
        }

        var givenNamed = given.Elem is null ? given.NamedType : "";
        var wantedNamed = wanted.Elem is null ? wanted.NamedType : "";
        if (givenNamed != wantedNamed)
        {
            return false;
        }

        if (given.Elem is not null && wanted.Elem is null)
        {
            return false;
        }

        if (given.Elem is not null && !IsCompatible(given.Elem, wanted.Elem))
        {
            return false;
        }

        return !wanted.NonNull || given.NonNull;
    }

    // ---------------------------------------------------------------- overlapping fields (gqlparser's port of graphql-js)

    private sealed class FieldMap
    {
        public List<string> Order { get; } = [];

        public Dictionary<string, List<GqlField>> Fields { get; } = new(StringComparer.Ordinal);

        public void Push(string name, GqlField field)
        {
            if (!Fields.TryGetValue(name, out var list))
            {
                Order.Add(name);
                Fields[name] = list = [];
            }

            list.Add(field);
        }

        public bool SameAs(FieldMap other) =>
            Order.SequenceEqual(other.Order) && Order.All(n => Fields[n].SequenceEqual(other.Fields[n], ReferenceEqualityComparer.Instance));
    }

    private sealed record Conflict(string ResponseName, string Message, List<Conflict> Sub, GqlPos Pos)
    {
        public void Write(StringBuilder sb)
        {
            if (Sub.Count == 0)
            {
                sb.Append(Message);
                return;
            }

            for (var i = 0; i < Sub.Count; i++)
            {
                sb.Append("subfields \"").Append(Sub[i].ResponseName).Append("\" conflict because ");
                Sub[i].Write(sb);
                if (i != Sub.Count - 1)
                {
                    sb.Append(" and ");
                }
            }
        }
    }

    private void ConflictsWithin(List<GqlSelection> selections)
    {
        if (selections.Count == 0)
        {
            return;
        }

        var conflicts = new List<Conflict>();
        var (fields, spreads) = FieldsAndSpreads(selections);
        foreach (var list in fields.Order.Select(n => fields.Fields[n]))
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (FindConflict(false, list[i], list[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }

        _comparedFragments = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spreads.Count; i++)
        {
            BetweenFieldsAndFragment(conflicts, false, fields, spreads[i]);
            for (var j = i + 1; j < spreads.Count; j++)
            {
                BetweenFragments(conflicts, false, spreads[i], spreads[j]);
            }
        }

        foreach (var conflict in conflicts)
        {
            var sb = new StringBuilder();
            conflict.Write(sb);
            Error($"Fields \"{conflict.ResponseName}\" conflict because {sb}. Use different aliases on the fields to fetch both if this was intentional.", conflict.Pos);
        }
    }

    private (FieldMap Fields, List<GqlFragmentSpread> Spreads) FieldsAndSpreads(List<GqlSelection> selections)
    {
        var map = new FieldMap();
        var spreads = new List<GqlFragmentSpread>();

        void Walk(List<GqlSelection> set)
        {
            foreach (var selection in set)
            {
                Visit(selection.Pos);
                switch (selection)
                {
                    case GqlField field:
                        map.Push(field.Alias.Length > 0 ? field.Alias : field.Name, field);
                        break;
                    case GqlInlineFragment inline:
                        Walk(inline.SelectionSet);
                        break;
                    case GqlFragmentSpread spread:
                        spreads.Add(spread);
                        break;
                }
            }
        }

        Walk(selections);
        return (map, spreads);
    }

    private void BetweenFieldsAndFragment(List<Conflict> conflicts, bool exclusive, FieldMap fields, GqlFragmentSpread spread)
    {
        Enter(spread.Pos);
        try
        {
            BetweenFieldsAndFragmentCore(conflicts, exclusive, fields, spread);
        }
        finally
        {
            _depth--;
        }
    }

    private void BetweenFieldsAndFragmentCore(List<Conflict> conflicts, bool exclusive, FieldMap fields, GqlFragmentSpread spread)
    {
        if (!_comparedFragments.Add(spread.Name))
        {
            return;
        }

        if (_spreads.GetValueOrDefault(spread) is not { } fragment)
        {
            return;
        }

        var (other, nested) = FieldsAndSpreads(fragment.SelectionSet);
        if (fields.SameAs(other))
        {
            return;
        }

        Between(conflicts, exclusive, fields, other);
        foreach (var next in nested)
        {
            if (next.Name != spread.Name)
            {
                BetweenFieldsAndFragment(conflicts, exclusive, fields, next);
            }
        }
    }

    private void BetweenFragments(List<Conflict> conflicts, bool exclusive, GqlFragmentSpread a, GqlFragmentSpread b)
    {
        Enter(b.Pos);
        try
        {
            BetweenFragmentsCore(conflicts, exclusive, a, b);
        }
        finally
        {
            _depth--;
        }
    }

    private void BetweenFragmentsCore(List<Conflict> conflicts, bool exclusive, GqlFragmentSpread a, GqlFragmentSpread b)
    {
        if (a.Name == b.Name)
        {
            return;
        }

        if (_comparedFragmentPairs.TryGetValue(a.Name, out var pairs) && pairs.TryGetValue(b.Name, out var wasExclusive) && (exclusive || !wasExclusive))
        {
            return;
        }

        AddPair(a.Name, b.Name, exclusive);
        AddPair(b.Name, a.Name, exclusive);
        if (_spreads.GetValueOrDefault(a) is not { } fragmentA || _spreads.GetValueOrDefault(b) is not { } fragmentB)
        {
            return;
        }

        var (fieldsA, spreadsA) = FieldsAndSpreads(fragmentA.SelectionSet);
        var (fieldsB, spreadsB) = FieldsAndSpreads(fragmentB.SelectionSet);
        Between(conflicts, exclusive, fieldsA, fieldsB);
        foreach (var spread in spreadsB)
        {
            BetweenFragments(conflicts, exclusive, a, spread);
        }

        foreach (var spread in spreadsA)
        {
            BetweenFragments(conflicts, exclusive, spread, b);
        }
    }

    private void AddPair(string a, string b, bool exclusive)
    {
        if (!_comparedFragmentPairs.TryGetValue(a, out var map))
        {
            _comparedFragmentPairs[a] = map = new Dictionary<string, bool>(StringComparer.Ordinal);
        }

        map[b] = exclusive;
    }

    private void Between(List<Conflict> conflicts, bool exclusive, FieldMap a, FieldMap b)
    {
        foreach (var name in a.Order)
        {
            if (!b.Fields.TryGetValue(name, out var fieldsB))
            {
                continue;
            }

            foreach (var fieldA in a.Fields[name])
            {
                foreach (var fieldB in fieldsB)
                {
                    if (FindConflict(exclusive, fieldA, fieldB) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsExclusive, GqlField a, GqlField b)
    {
        Visit(b.Pos);
        Enter(b.Pos);
        try
        {
            return FindConflictCore(parentsExclusive, a, b);
        }
        finally
        {
            _depth--;
        }
    }

    private Conflict? FindConflictCore(bool parentsExclusive, GqlField a, GqlField b)
    {
        if (!_fields.TryGetValue(a, out var infoA) || !_fields.TryGetValue(b, out var infoB) || infoA.Parent is null || infoB.Parent is null)
        {
            return null;
        }

        var exclusive = parentsExclusive || (infoA.Parent.Name != infoB.Parent.Name && infoA.Parent.Kind == "OBJECT" && infoB.Parent.Kind == "OBJECT"
            && infoA.Definition is not null && infoB.Definition is not null);
        var responseName = a.Alias.Length > 0 ? a.Alias : a.Name;
        if (!exclusive)
        {
            if (a.Name != b.Name)
            {
                return new Conflict(responseName, $"\"{a.Name}\" and \"{b.Name}\" are different fields", [], b.Pos);
            }

            if (!SameArguments(a.Arguments, b.Arguments))
            {
                return new Conflict(responseName, "they have differing arguments", [], b.Pos);
            }
        }

        if (infoA.Definition is not null && infoB.Definition is not null && TypesConflict(infoA.Definition.Type, infoB.Definition.Type))
        {
            return new Conflict(responseName, $"they return conflicting types \"{infoA.Definition.Type}\" and \"{infoB.Definition.Type}\"", [], b.Pos);
        }

        var sub = BetweenSubSelections(exclusive, a.SelectionSet, b.SelectionSet);
        return sub.Count == 0 ? null : new Conflict(responseName, "", sub, b.Pos);
    }

    private List<Conflict> BetweenSubSelections(bool exclusive, List<GqlSelection> a, List<GqlSelection> b)
    {
        var conflicts = new List<Conflict>();
        var (fieldsA, spreadsA) = FieldsAndSpreads(a);
        var (fieldsB, spreadsB) = FieldsAndSpreads(b);
        Between(conflicts, exclusive, fieldsA, fieldsB);
        foreach (var spread in spreadsB)
        {
            _comparedFragments = new HashSet<string>(StringComparer.Ordinal);
            BetweenFieldsAndFragment(conflicts, exclusive, fieldsA, spread);
        }

        foreach (var spread in spreadsA)
        {
            _comparedFragments = new HashSet<string>(StringComparer.Ordinal);
            BetweenFieldsAndFragment(conflicts, exclusive, fieldsB, spread);
        }

        foreach (var spreadA in spreadsA)
        {
            foreach (var spreadB in spreadsB)
            {
                BetweenFragments(conflicts, exclusive, spreadA, spreadB);
            }
        }

        return conflicts;
    }

    private static bool SameArguments(List<GqlArgument> a, List<GqlArgument> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => x.Name == y.Name && x.Value.Kind == y.Value.Kind && x.Value.Raw == y.Value.Raw));

    private bool TypesConflict(GqlType a, GqlType b)
    {
        if (a.Elem is not null)
        {
            return b.Elem is null || TypesConflict(a.Elem, b.Elem);
        }

        if (b.Elem is not null || a.NonNull != b.NonNull)
        {
            return true;
        }

        var ta = TypeNamed(a.NamedType);
        var tb = TypeNamed(b.NamedType);
        return ta is { Kind: "SCALAR" or "ENUM" } && tb is { Kind: "SCALAR" or "ENUM" } && ta.Name != tb.Name;
    }

    // ---------------------------------------------------------------- suggestions

    private static string Suggest(string prefix, string typed, IEnumerable<string> options, bool quoted = true)
    {
        var suggested = SuggestionList(typed, options);
        if (suggested.Count == 0)
        {
            return "";
        }

        return $" {prefix} {(quoted ? QuotedOrList(suggested) : OrList(suggested))}?";
    }

    /// <summary>
    /// gqlparser's suggestionList: options within a Levenshtein distance of half the longer string's length (at least
    /// 1; a change of case alone counts 1), nearest first, ties in the options' order.
    /// </summary>
    private static List<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var results = new List<(string Option, int Distance, int Index)>();
        var index = 0;
        foreach (var option in options)
        {
            var distance = LexicalDistance(input, option);
            var threshold = Math.Max(Math.Max(Encoding.UTF8.GetByteCount(input), Encoding.UTF8.GetByteCount(option)) / 2, 1);
            if (distance <= threshold)
            {
                results.Add((option, distance, index));
            }

            index++;
        }

        return results.OrderBy(r => r.Distance).ThenBy(r => r.Index).Select(r => r.Option).ToList();
    }

    private static int LexicalDistance(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        if (a == b)
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string QuotedOrList(IReadOnlyList<string> items) => OrList(items.Select(i => $"\"{i}\"").ToList());

    /// <summary>"A", "A or B", "A, B, or C" (at most five), as gqlparser lists suggestions.</summary>
    private static string OrList(IReadOnlyList<string> items)
    {
        var list = items.Take(5).ToList();
        return list.Count switch
        {
            2 => $"{list[0]} or {list[1]}",
            _ => string.Join(", ", list.Take(list.Count - 1)) + (list.Count > 1 ? ", or " : "") + list[^1],
        };
    }
}
