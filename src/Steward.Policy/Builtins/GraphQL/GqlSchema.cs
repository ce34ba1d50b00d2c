namespace Steward.Policy.Builtins.GraphQL;

/// <summary>
/// A validated schema: the document's types and directives merged with the built-in ones (the specification's
/// scalars, <c>@include</c>, <c>@skip</c>, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c> and the
/// introspection types), extensions applied, root operation types resolved. <see cref="Build"/> checks what the
/// specification's type-system validation requires and throws <see cref="GqlException"/> for the first violation.
/// </summary>
internal sealed class GqlSchema
{
    public static readonly HashSet<string> DirectiveLocations = new(StringComparer.Ordinal)
    {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    };

    /// <summary>The built-in definitions every schema has.</summary>
    private const string Prelude = """
        "The `Int` scalar type represents non-fractional signed whole numeric values."
        scalar Int
        "The `Float` scalar type represents signed double-precision fractional values."
        scalar Float
        "The `String` scalar type represents textual data."
        scalar String
        "The `Boolean` scalar type represents `true` or `false`."
        scalar Boolean
        "The `ID` scalar type represents a unique identifier."
        scalar ID
        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
        directive @specifiedBy(url: String!) on SCALAR
        directive @oneOf on INPUT_OBJECT
        type __Schema {
          description: String
          types: [__Type!]!
          queryType: __Type!
          mutationType: __Type
          subscriptionType: __Type
          directives: [__Directive!]!
        }
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          fields(includeDeprecated: Boolean = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean = false): [__InputValue!]
          ofType: __Type
          specifiedByURL: String
          isOneOf: Boolean
        }
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }
        type __InputValue {
          name: String!
          description: String
          type: __Type!
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }
        enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
        type __Directive {
          name: String!
          description: String
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean = false): [__InputValue!]!
          isRepeatable: Boolean!
        }
        enum __DirectiveLocation { QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION }
        """;

    private static readonly Lazy<GqlSchemaDocument> PreludeDocument = new(() => GqlParser.ParseSchema(Prelude));

    private GqlSchema()
    {
    }

    public Dictionary<string, GqlDefinition> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GqlDirectiveDefinition> Directives { get; } = new(StringComparer.Ordinal);

    public GqlDefinition? Query { get; private set; }

    public GqlDefinition? Mutation { get; private set; }

    public GqlDefinition? Subscription { get; private set; }

    /// <summary>The object types implementing each interface.</summary>
    public Dictionary<string, List<GqlDefinition>> Implementations { get; } = new(StringComparer.Ordinal);

    public GqlDefinition? Root(string operation) => operation switch
    {
        "query" => Query,
        "mutation" => Mutation,
        _ => Subscription,
    };

    /// <summary>The object types a composite type may be at run time.</summary>
    public IEnumerable<GqlDefinition> PossibleTypes(GqlDefinition type) => type.Kind switch
    {
        "OBJECT" => [type],
        "UNION" => type.Types.Select(t => Types.GetValueOrDefault(t)).OfType<GqlDefinition>(),
        "INTERFACE" => Implementations.GetValueOrDefault(type.Name) ?? [],
        _ => [],
    };

    /// <summary>
    /// Builds the schema in gqlparser's order (validator/schema.go, ValidateSchemaDocument), stopping at the first
    /// error as it does: redeclared types, extensions, redeclared directives, schema entry points, then every type
    /// sorted by name (ordinal), then every directive sorted by name, then the roots inferred from type names.
    /// </summary>
    public static GqlSchema Build(GqlSchemaDocument document)
    {
        var schema = new GqlSchema();
        var prelude = PreludeDocument.Value;
        foreach (var definition in prelude.Definitions)
        {
            schema.Types[definition.Name] = definition with { BuiltIn = true };
        }

        foreach (var definition in document.Definitions)
        {
            if (schema.Types.ContainsKey(definition.Name))
            {
                throw new GqlException($"Cannot redeclare type {definition.Name}.", definition.Pos);
            }

            schema.Types[definition.Name] = definition;
        }

        foreach (var extension in document.Extensions)
        {
            if (!schema.Types.TryGetValue(extension.Name, out var original))
            {
                // gqlparser creates the type the extension extends when there is none
                original = new GqlDefinition(extension.Kind, "", extension.Name, [], [], [], [], [], extension.Pos);
            }

            if (original.Kind != extension.Kind)
            {
                throw new GqlException($"Cannot extend type {extension.Name} because the base type is a {original.Kind}, not {extension.Kind}.", extension.Pos);
            }

            schema.Types[extension.Name] = original with
            {
                Directives = [.. original.Directives, .. extension.Directives],
                Interfaces = [.. original.Interfaces, .. extension.Interfaces],
                Fields = [.. original.Fields, .. extension.Fields],
                Types = [.. original.Types, .. extension.Types],
                EnumValues = [.. original.EnumValues, .. extension.EnumValues],
            };
        }

        // the prelude's directives come first in gqlparser's merged document; only these four may be declared again
        foreach (var directive in prelude.Directives.Concat(document.Directives))
        {
            if (schema.Directives.ContainsKey(directive.Name) && directive.Name is not ("include" or "skip" or "deprecated" or "specifiedBy"))
            {
                throw new GqlException($"Cannot redeclare directive {directive.Name}.", directive.Pos);
            }

            schema.Directives[directive.Name] = directive;
        }

        schema.ResolveRoots(document);
        schema.CollectPossibleTypes();
        foreach (var name in schema.Types.Keys.Order(StringComparer.Ordinal).ToList())
        {
            schema.CheckDefinition(schema.Types[name]);
        }

        foreach (var name in schema.Directives.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var directive = schema.Directives[name];
            CheckName(directive.Name, directive.Pos);
            schema.CheckArguments(directive.Arguments, directive);
        }

        // without a schema definition (extensions do not count) the roots not set are the types named after them
        if (document.Schema.Count == 0)
        {
            schema.Query ??= schema.Types.GetValueOrDefault("Query");
            schema.Mutation ??= schema.Types.GetValueOrDefault("Mutation");
            schema.Subscription ??= schema.Types.GetValueOrDefault("Subscription");
        }

        return schema;
    }

    /// <summary>The schema definition's entry points, then the schema extensions'; each missing type is reported at its entry.</summary>
    private void ResolveRoots(GqlSchemaDocument document)
    {
        if (document.Schema.Count > 1)
        {
            throw new GqlException("Cannot have multiple schema entry points, consider schema extensions instead.", document.Schema[1].Pos);
        }

        foreach (var (operation, typeName, pos) in document.Schema.Concat(document.SchemaExtension).SelectMany(s => s.OperationTypes))
        {
            // gqlparser checks only that the type exists, not its kind
            if (!Types.TryGetValue(typeName, out var type))
            {
                throw new GqlException($"Schema root {operation} refers to a type {typeName} that does not exist.", pos);
            }

            switch (operation)
            {
                case "query": Query = type; break;
                case "mutation": Mutation = type; break;
                default: Subscription = type; break;
            }
        }
    }

    /// <summary>
    /// gqlparser's possible types (used for covariant interface fields): a union's members; every object, input
    /// object or interface naming a type among its interfaces; an object or input object itself. Also the object
    /// types implementing each interface, for query validation.
    /// </summary>
    private void CollectPossibleTypes()
    {
        void Add(string name, string possible)
        {
            if (!_possibleTypes.TryGetValue(name, out var set))
            {
                _possibleTypes[name] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(possible);
        }

        foreach (var def in Types.Values)
        {
            switch (def.Kind)
            {
                case "UNION":
                    foreach (var member in def.Types)
                    {
                        Add(def.Name, member);
                    }

                    break;
                case "OBJECT" or "INPUT_OBJECT" or "INTERFACE":
                    foreach (var name in def.Interfaces)
                    {
                        Add(name, def.Name);
                        if (def.Kind == "OBJECT")
                        {
                            if (!Implementations.TryGetValue(name, out var list))
                            {
                                Implementations[name] = list = [];
                            }

                            list.Add(def);
                        }
                    }

                    if (def.Kind != "INTERFACE")
                    {
                        Add(def.Name, def.Name);
                    }

                    break;
            }
        }
    }

    private readonly Dictionary<string, HashSet<string>> _possibleTypes = new(StringComparer.Ordinal);

    /// <summary>One definition, in gqlparser's step order (validateDefinition).</summary>
    private void CheckDefinition(GqlDefinition def)
    {
        // 1. each field: its name, its type's existence, its arguments, its directives
        foreach (var field in def.Fields)
        {
            CheckName(field.Name, field.Pos);
            TypeOf(field.Type, field.Pos);
            CheckArguments(field.Arguments, null);
            CheckDirectives(field.Directives, def.Kind == "INPUT_OBJECT" ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION", null);
        }

        // 2. union members (reported at the union)
        foreach (var member in def.Types)
        {
            if (!Types.TryGetValue(member, out var memberType))
            {
                throw new GqlException($"Undefined type \"{member}\".", def.Pos);
            }

            if (memberType.Kind != "OBJECT")
            {
                throw new GqlException($"{def.Kind} type \"{member}\" must be OBJECT.", def.Pos);
            }
        }

        // 3. each interface named
        foreach (var name in def.Interfaces)
        {
            CheckImplements(def, name);
        }

        // 4. what each kind must hold
        switch (def.Kind)
        {
            case "OBJECT" or "INTERFACE":
                if (def.Fields.Count == 0)
                {
                    throw new GqlException($"{def.Kind} {def.Name}: must define one or more fields.", def.Pos);
                }

                foreach (var field in def.Fields)
                {
                    if (Types.TryGetValue(field.Type.Name, out var type) && type.Kind == "INPUT_OBJECT")
                    {
                        throw new GqlException($"{def.Kind} {def.Name}: field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.", field.Pos);
                    }
                }

                break;
            case "ENUM":
                if (def.EnumValues.Count == 0)
                {
                    throw new GqlException($"ENUM {def.Name}: must define one or more unique enum values.", def.Pos);
                }

                if (def.EnumValues.FirstOrDefault(v => v.Name is "true" or "false" or "null") is { } reserved)
                {
                    throw new GqlException($"ENUM {def.Name}: non-enum value {reserved.Name}.", def.Pos);
                }

                break;
            case "INPUT_OBJECT":
                if (def.Fields.Count == 0)
                {
                    throw new GqlException($"INPUT_OBJECT {def.Name}: must define one or more input fields.", def.Pos);
                }

                foreach (var field in def.Fields)
                {
                    if (Types.TryGetValue(field.Type.Name, out var type) && type.Kind is not ("SCALAR" or "ENUM" or "INPUT_OBJECT"))
                    {
                        throw new GqlException($"{type.Kind} {field.Name}: field must be one of SCALAR, ENUM, INPUT_OBJECT.", field.Pos);
                    }
                }

                break;
        }

        // 5. a field name used twice: the first field with a later namesake, reported at that namesake
        for (var i = 0; i < def.Fields.Count; i++)
        {
            for (var j = i + 1; j < def.Fields.Count; j++)
            {
                if (def.Fields[i].Name == def.Fields[j].Name)
                {
                    throw new GqlException($"Field {def.Name}.{def.Fields[j].Name} can only be defined once.", def.Fields[j].Pos);
                }
            }
        }

        // 6. the type's own name, 7. its directives
        if (!def.BuiltIn)
        {
            CheckName(def.Name, def.Pos);
        }

        CheckDirectives(def.Directives, def.Kind, null);
    }

    /// <summary>gqlparser's validateImplements and validateTypeImplementsAncestors.</summary>
    private void CheckImplements(GqlDefinition def, string name)
    {
        if (!Types.TryGetValue(name, out var iface))
        {
            throw new GqlException($"Undefined type \"{name}\".", def.Pos);
        }

        if (iface.Kind != "INTERFACE")
        {
            throw new GqlException($"\"{name}\" is a non interface type {iface.Kind}.", def.Pos);
        }

        foreach (var wanted in iface.Fields)
        {
            var field = def.Fields.FirstOrDefault(f => f.Name == wanted.Name)
                ?? throw new GqlException($"For {def.Name} to implement {iface.Name} it must have a field called {wanted.Name}.", def.Pos);
            if (!IsCovariant(wanted.Type, field.Type))
            {
                throw new GqlException($"For {def.Name} to implement {iface.Name} the field {wanted.Name} must have type {wanted.Type}.", field.Pos);
            }

            foreach (var wantedArgument in wanted.Arguments)
            {
                var argument = field.Arguments.FirstOrDefault(a => a.Name == wantedArgument.Name)
                    ?? throw new GqlException($"For {def.Name} to implement {iface.Name} the field {wanted.Name} must have the same arguments but it is missing {wantedArgument.Name}.", field.Pos);
                if (!IsCompatible(wantedArgument.Type, argument.Type))
                {
                    throw new GqlException($"For {def.Name} to implement {iface.Name} the field {wanted.Name} must have the same arguments but {wantedArgument.Name} has the wrong type.", argument.Pos);
                }
            }

            foreach (var argument in field.Arguments)
            {
                if (!wanted.Arguments.Any(a => a.Name == argument.Name) && argument.Type.NonNull && argument.DefaultValue is null)
                {
                    throw new GqlException($"For {def.Name} to implement {iface.Name} any additional arguments on {field.Name} must be optional or have a default value but {argument.Name} is required.", argument.Pos);
                }
            }
        }

        foreach (var transitive in iface.Interfaces)
        {
            if (!def.Interfaces.Contains(transitive))
            {
                throw transitive == def.Name
                    ? new GqlException($"Type {def.Name} cannot implement {name} because it would create a circular reference.", def.Pos)
                    : new GqlException($"Type {def.Name} must implement {transitive} because it is implemented by {name}.", def.Pos);
            }
        }
    }

    /// <summary>Whether a field of type <paramref name="actual"/> satisfies an interface field of type <paramref name="required"/> (gqlparser's isCovariant).</summary>
    private bool IsCovariant(GqlType required, GqlType actual)
    {
        if (required.NonNull && !actual.NonNull)
        {
            return false;
        }

        if (required.Elem is null)
        {
            return required.NamedType == actual.NamedType
                || (_possibleTypes.TryGetValue(required.NamedType, out var possible) && actual.Elem is null && possible.Contains(actual.NamedType));
        }

        return actual.Elem is not null && IsCovariant(required.Elem, actual.Elem);
    }

    /// <summary>gqlparser's Type.IsCompatible: an implementation's argument type against the interface's.</summary>
    private static bool IsCompatible(GqlType required, GqlType actual)
    {
        if (required.NamedType != actual.NamedType || (required.Elem is not null && actual.Elem is null))
        {
            return false;
        }

        if (required.Elem is not null && !IsCompatible(required.Elem, actual.Elem!))
        {
            return false;
        }

        return !actual.NonNull || required.NonNull;
    }

    /// <summary>Arguments of a field or a directive definition (gqlparser's validateArgs).</summary>
    private void CheckArguments(List<GqlArgumentDefinition> arguments, GqlDirectiveDefinition? directive)
    {
        foreach (var argument in arguments)
        {
            CheckName(argument.Name, argument.Pos);
            var type = TypeOf(argument.Type, argument.Pos);
            if (type.Kind is not ("SCALAR" or "ENUM" or "INPUT_OBJECT"))
            {
                throw new GqlException($"cannot use {argument.Type} as argument {argument.Name} because {type.Kind} is not a valid input type", argument.Pos);
            }

            CheckDirectives(argument.Directives, "ARGUMENT_DEFINITION", directive);
        }
    }

    /// <summary>Directives applied in the schema (gqlparser's validateDirectives): name, self-reference, existence, location.</summary>
    private void CheckDirectives(List<GqlDirective> directives, string location, GqlDirectiveDefinition? current)
    {
        foreach (var directive in directives)
        {
            CheckName(directive.Name, directive.Pos);
            if (current is not null && directive.Name == current.Name)
            {
                throw new GqlException($"Directive {current.Name} cannot refer to itself.", directive.Pos);
            }

            if (!Directives.TryGetValue(directive.Name, out var definition))
            {
                throw new GqlException($"Undefined directive {directive.Name}.", directive.Pos);
            }

            if (!definition.Locations.Contains(location))
            {
                throw new GqlException($"Directive {directive.Name} is not applicable on {location}.", directive.Pos);
            }
        }
    }

    /// <summary>The definition of a type reference's named type; gqlparser reports a missing one at the reference's position.</summary>
    private GqlDefinition TypeOf(GqlType type, GqlPos pos) =>
        Types.TryGetValue(type.Name, out var def) ? def : throw new GqlException($"Undefined type {type.Name}.", type.Pos ?? pos);

    private static void CheckName(string name, GqlPos pos)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            throw new GqlException($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", pos);
        }
    }

    /// <summary>Whether a named type is an input type (scalar, enum, input object).</summary>
    public bool IsInputType(GqlType type) => Types.TryGetValue(type.Name, out var def) && def.Kind is "SCALAR" or "ENUM" or "INPUT_OBJECT";
}
