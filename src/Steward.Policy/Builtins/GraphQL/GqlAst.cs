namespace Steward.Policy.Builtins.GraphQL;

/// <summary>A position in GraphQL source (1-based line and column), for error messages.</summary>
internal readonly record struct GqlPos(int Line, int Column);

/// <summary>A type reference: a named type, or a list of <see cref="Elem"/>; either may be non-null.</summary>
internal sealed record GqlType(string NamedType, GqlType? Elem, bool NonNull)
{
    /// <summary>
    /// gqlparser's position of the reference: its name (or the inner type's), or, when it ends with !, the token after
    /// the !. Not part of equality.
    /// </summary>
    public GqlPos? Pos { get; init; }

    public bool Equals(GqlType? other) => other is not null && NamedType == other.NamedType && Equals(Elem, other.Elem) && NonNull == other.NonNull;

    public override int GetHashCode() => HashCode.Combine(NamedType, Elem, NonNull);

    /// <summary>The innermost named type.</summary>
    public string Name => Elem is null ? NamedType : Elem.Name;

    public override string ToString() => (Elem is null ? NamedType : $"[{Elem}]") + (NonNull ? "!" : "");
}

/// <summary>The kinds of values, numbered as gqlparser's ValueKind (the number appears in OPA's AST objects).</summary>
internal enum GqlValueKind
{
    Variable,
    Int,
    Float,
    String,
    Block,
    Boolean,
    Null,
    Enum,
    List,
    Object,
}

internal sealed record GqlValue(GqlValueKind Kind, string Raw, List<(string Name, GqlValue Value)> Children, GqlPos Pos);

internal sealed record GqlArgument(string Name, GqlValue Value, GqlPos Pos);

internal sealed record GqlDirective(string Name, List<GqlArgument> Arguments, GqlPos Pos);

internal abstract record GqlSelection(List<GqlDirective> Directives, GqlPos Pos);

internal sealed record GqlField(string Alias, string Name, List<GqlArgument> Arguments, List<GqlDirective> Directives, List<GqlSelection> SelectionSet, GqlPos Pos)
    : GqlSelection(Directives, Pos);

internal sealed record GqlFragmentSpread(string Name, List<GqlDirective> Directives, GqlPos Pos) : GqlSelection(Directives, Pos);

internal sealed record GqlInlineFragment(string TypeCondition, List<GqlDirective> Directives, List<GqlSelection> SelectionSet, GqlPos Pos)
    : GqlSelection(Directives, Pos);

internal sealed record GqlVariableDefinition(string Variable, GqlType Type, GqlValue? DefaultValue, List<GqlDirective> Directives, GqlPos Pos);

internal sealed record GqlOperation(string Operation, string Name, List<GqlVariableDefinition> VariableDefinitions, List<GqlDirective> Directives, List<GqlSelection> SelectionSet, GqlPos Pos);

internal sealed record GqlFragment(string Name, string TypeCondition, List<GqlDirective> Directives, List<GqlSelection> SelectionSet, GqlPos Pos)
{
    /// <summary>gqlparser's (experimental) fragment variables: <c>fragment F($a: Int) on T</c>; JSON field <c>VariableDefinition</c>.</summary>
    public List<GqlVariableDefinition> VariableDefinition { get; init; } = [];
}

internal sealed record GqlQueryDocument(List<GqlOperation> Operations, List<GqlFragment> Fragments);

internal sealed record GqlArgumentDefinition(string Description, string Name, GqlValue? DefaultValue, GqlType Type, List<GqlDirective> Directives, GqlPos Pos);

internal sealed record GqlFieldDefinition(string Description, string Name, List<GqlArgumentDefinition> Arguments, GqlValue? DefaultValue, GqlType Type, List<GqlDirective> Directives, GqlPos Pos);

internal sealed record GqlEnumValueDefinition(string Description, string Name, List<GqlDirective> Directives, GqlPos Pos);

/// <summary>A type definition or extension (gqlparser's one struct for all kinds: SCALAR, OBJECT, INTERFACE, UNION, ENUM, INPUT_OBJECT).</summary>
internal sealed record GqlDefinition(
    string Kind,
    string Description,
    string Name,
    List<GqlDirective> Directives,
    List<string> Interfaces,
    List<GqlFieldDefinition> Fields,
    List<string> Types,
    List<GqlEnumValueDefinition> EnumValues,
    GqlPos Pos,
    bool BuiltIn = false);

internal sealed record GqlDirectiveDefinition(string Description, string Name, List<GqlArgumentDefinition> Arguments, List<string> Locations, bool IsRepeatable, GqlPos Pos);

internal sealed record GqlSchemaDefinition(string Description, List<GqlDirective> Directives, List<(string Operation, string Type, GqlPos Pos)> OperationTypes, GqlPos Pos);

internal sealed record GqlSchemaDocument(
    List<GqlSchemaDefinition> Schema,
    List<GqlSchemaDefinition> SchemaExtension,
    List<GqlDirectiveDefinition> Directives,
    List<GqlDefinition> Definitions,
    List<GqlDefinition> Extensions);

/// <summary>A GraphQL syntax or validation error: the message and where it is.</summary>
internal sealed class GqlException(string message, GqlPos pos) : Exception(message)
{
    public GqlPos Pos { get; } = pos;
}
