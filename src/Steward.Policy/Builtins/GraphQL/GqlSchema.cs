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

    public static GqlSchema Build(GqlSchemaDocument document)
    {
        var schema = new GqlSchema();
        var prelude = PreludeDocument.Value;
        foreach (var definition in prelude.Definitions)
        {
            schema.Types[definition.Name] = definition with { BuiltIn = true };
        }

        foreach (var directive in prelude.Directives)
        {
            schema.Directives[directive.Name] = directive;
        }

        foreach (var definition in document.Definitions)
        {
            if (schema.Types.ContainsKey(definition.Name))
            {
                throw new GqlException($"Cannot redeclare type {definition.Name}.", definition.Pos);
            }

            schema.Types[definition.Name] = definition;
        }

        foreach (var directive in document.Directives)
        {
            if (schema.Directives.ContainsKey(directive.Name) && !prelude.Directives.Any(d => d.Name == directive.Name))
            {
                throw new GqlException($"Cannot redeclare directive {directive.Name}.", directive.Pos);
            }

            schema.Directives[directive.Name] = directive;
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

        foreach (var directive in schema.Directives.Values)
        {
            schema.CheckArguments(directive.Arguments, $"@{directive.Name}");
        }

        foreach (var type in schema.Types.Values)
        {
            schema.CheckDefinition(type);
        }

        schema.ResolveRoots(document);
        return schema;
    }

    private void ResolveRoots(GqlSchemaDocument document)
    {
        if (document.Schema.Count > 1)
        {
            throw new GqlException("Cannot have multiple schema entry points, consider schema extensions instead.", document.Schema[1].Pos);
        }

        var entries = document.Schema.Concat(document.SchemaExtension).SelectMany(s => s.OperationTypes.Select(o => (o.Operation, o.Type, s.Pos))).ToList();
        foreach (var (operation, typeName, pos) in entries)
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

        // without a schema definition (extensions do not count) the roots not set are the types named after them
        if (document.Schema.Count == 0)
        {
            Query ??= Types.GetValueOrDefault("Query");
            Mutation ??= Types.GetValueOrDefault("Mutation");
            Subscription ??= Types.GetValueOrDefault("Subscription");
        }
    }

    private void CheckDefinition(GqlDefinition def)
    {
        if (!def.BuiltIn)
        {
            CheckName(def.Name, def.Pos);
        }

        switch (def.Kind)
        {
            case "OBJECT" or "INTERFACE":
                if (def.Fields.Count == 0)
                {
                    throw new GqlException($"{def.Kind} {def.Name}: must define one or more fields.", def.Pos);
                }

                foreach (var field in def.Fields)
                {
                    CheckName(field.Name, field.Pos);
                    var type = TypeOf(field.Type, field.Pos);
                    if (type.Kind == "INPUT_OBJECT")
                    {
                        throw new GqlException($"{def.Kind} {def.Name}: field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.", field.Pos);
                    }

                    CheckArguments(field.Arguments, $"{def.Name}.{field.Name}");
                }

                CheckUnique(def.Fields.Select(f => (f.Name, f.Pos)), "Field", def.Name);
                foreach (var name in def.Interfaces)
                {
                    if (!Types.TryGetValue(name, out var iface))
                    {
                        throw new GqlException($"Undefined type \"{name}\".", def.Pos);
                    }

                    if (iface.Kind != "INTERFACE")
                    {
                        throw new GqlException($"\"{name}\" is a non interface type {iface.Kind}.", def.Pos);
                    }

                    CheckImplements(def, iface);
                    if (def.Kind == "OBJECT")
                    {
                        if (!Implementations.TryGetValue(name, out var list))
                        {
                            Implementations[name] = list = [];
                        }

                        list.Add(def);
                    }
                }

                break;
            case "UNION":
                if (def.Types.Count == 0)
                {
                    throw new GqlException($"UNION {def.Name}: must define one or more unique member types.", def.Pos);
                }

                foreach (var member in def.Types)
                {
                    if (!Types.TryGetValue(member, out var memberType))
                    {
                        throw new GqlException($"Undefined type \"{member}\".", def.Pos);
                    }

                    if (memberType.Kind != "OBJECT")
                    {
                        throw new GqlException($"UNION type \"{member}\" must be OBJECT.", def.Pos);
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

                CheckUnique(def.EnumValues.Select(v => (v.Name, v.Pos)), "Enum value", def.Name);
                break;
            case "INPUT_OBJECT":
                if (def.Fields.Count == 0)
                {
                    throw new GqlException($"INPUT_OBJECT {def.Name}: must define one or more input fields.", def.Pos);
                }

                foreach (var field in def.Fields)
                {
                    CheckName(field.Name, field.Pos);
                    var type = TypeOf(field.Type, field.Pos);
                    if (type.Kind is not ("SCALAR" or "ENUM" or "INPUT_OBJECT"))
                    {
                        throw new GqlException($"{type.Kind} {field.Name}: field must be one of SCALAR, ENUM, INPUT_OBJECT.", field.Pos);
                    }
                }

                CheckUnique(def.Fields.Select(f => (f.Name, f.Pos)), "Field", def.Name);
                break;
        }
    }

    private void CheckImplements(GqlDefinition def, GqlDefinition iface)
    {
        foreach (var wanted in iface.Fields)
        {
            var field = def.Fields.FirstOrDefault(f => f.Name == wanted.Name)
                ?? throw new GqlException($"For {def.Name} to implement {iface.Name} it must have a field called {wanted.Name}.", def.Pos);
            if (!IsSubType(field.Type, wanted.Type))
            {
                throw new GqlException($"For {def.Name} to implement {iface.Name} the field {wanted.Name} must have type {wanted.Type}.", field.Pos);
            }
        }
    }

    /// <summary>Whether a field of type <paramref name="sub"/> satisfies an interface field of type <paramref name="super"/> (covariance).</summary>
    private bool IsSubType(GqlType sub, GqlType super)
    {
        if (super.NonNull)
        {
            return sub.NonNull && IsSubType(sub with { NonNull = false }, super with { NonNull = false });
        }

        if (sub.NonNull)
        {
            return IsSubType(sub with { NonNull = false }, super);
        }

        if (super.Elem is not null)
        {
            return sub.Elem is not null && IsSubType(sub.Elem, super.Elem);
        }

        if (sub.Elem is not null)
        {
            return false;
        }

        if (sub.NamedType == super.NamedType)
        {
            return true;
        }

        return Types.TryGetValue(super.NamedType, out var superType) && Types.TryGetValue(sub.NamedType, out var subType)
            && (superType.Kind == "UNION" ? superType.Types.Contains(sub.NamedType) : subType.Interfaces.Contains(super.NamedType));
    }

    private void CheckArguments(List<GqlArgumentDefinition> arguments, string owner)
    {
        foreach (var argument in arguments)
        {
            CheckName(argument.Name, argument.Pos);
            var type = TypeOf(argument.Type, argument.Pos);
            if (type.Kind is not ("SCALAR" or "ENUM" or "INPUT_OBJECT"))
            {
                throw new GqlException($"cannot use {argument.Type} as argument {argument.Name} because {type.Kind} is not a valid input type", argument.Pos);
            }
        }

        CheckUnique(arguments.Select(a => (a.Name, a.Pos)), "Argument", owner);
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

    private static void CheckUnique(IEnumerable<(string Name, GqlPos Pos)> names, string what, string owner)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, pos) in names)
        {
            if (!seen.Add(name))
            {
                throw new GqlException($"{what} {owner}.{name} can only be defined once.", pos);
            }
        }
    }

    /// <summary>Whether a named type is an input type (scalar, enum, input object).</summary>
    public bool IsInputType(GqlType type) => Types.TryGetValue(type.Name, out var def) && def.Kind is "SCALAR" or "ENUM" or "INPUT_OBJECT";
}
