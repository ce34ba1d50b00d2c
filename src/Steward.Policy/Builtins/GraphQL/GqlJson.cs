using Steward.Policy.Values;

namespace Steward.Policy.Builtins.GraphQL;

/// <summary>
/// GraphQL documents as OPA's built-ins return them: the JSON of gqlparser's AST structs (Go field names, value kinds
/// as numbers) with what OPA prunes removed (positions, nulls, and arrays and objects left empty), so only fields
/// with content and the scalar fields (names, descriptions, flags, even when empty or false) remain. The reverse,
/// <see cref="ReadQuery"/> and <see cref="ReadSchema"/>, takes such objects back (missing fields as their zero).
/// </summary>
internal static class GqlJson
{
    public static ObjectValue Query(GqlQueryDocument document) => Obj(
        ("Operations", List(document.Operations, Operation)),
        ("Fragments", List(document.Fragments, Fragment)));

    public static ObjectValue Schema(GqlSchemaDocument document) => Obj(
        ("Schema", List(document.Schema, SchemaDefinition)),
        ("SchemaExtension", List(document.SchemaExtension, SchemaDefinition)),
        ("Directives", List(document.Directives, DirectiveDefinition)),
        ("Definitions", List(document.Definitions, Definition)),
        ("Extensions", List(document.Extensions, Definition)));

    private static ObjectValue Operation(GqlOperation o) => Obj(
        ("Operation", S(o.Operation)),
        ("Name", S(o.Name)),
        ("VariableDefinitions", List(o.VariableDefinitions, Variable)),
        ("Directives", List(o.Directives, Directive)),
        ("SelectionSet", List(o.SelectionSet, Selection)));

    private static ObjectValue Variable(GqlVariableDefinition v) => Obj(
        ("Variable", S(v.Variable)),
        ("Type", Type(v.Type)),
        ("DefaultValue", v.DefaultValue is null ? null : Value(v.DefaultValue)),
        ("Directives", List(v.Directives, Directive)),
        ("Used", BooleanValue.False));

    private static ObjectValue Fragment(GqlFragment f) => Obj(
        ("Name", S(f.Name)),
        ("VariableDefinition", List(f.VariableDefinition, Variable)),
        ("TypeCondition", S(f.TypeCondition)),
        ("Directives", List(f.Directives, Directive)),
        ("SelectionSet", List(f.SelectionSet, Selection)));

    private static ObjectValue Selection(GqlSelection selection) => selection switch
    {
        GqlField f => Obj(
            ("Alias", S(f.Alias)),
            ("Name", S(f.Name)),
            ("Arguments", List(f.Arguments, Argument)),
            ("Directives", List(f.Directives, Directive)),
            ("SelectionSet", List(f.SelectionSet, Selection))),
        GqlFragmentSpread s => Obj(
            ("Name", S(s.Name)),
            ("Directives", List(s.Directives, Directive))),
        GqlInlineFragment i => Obj(
            ("TypeCondition", S(i.TypeCondition)),
            ("Directives", List(i.Directives, Directive)),
            ("SelectionSet", List(i.SelectionSet, Selection))),
        _ => ObjectValue.Empty,
    };

    private static ObjectValue Argument(GqlArgument a) => Obj(("Name", S(a.Name)), ("Value", Value(a.Value)));

    private static ObjectValue Directive(GqlDirective d) => Obj(
        ("Name", S(d.Name)),
        ("Arguments", List(d.Arguments, Argument)),
        ("Location", S("")));

    private static ObjectValue Value(GqlValue v) => Obj(
        ("Raw", S(v.Raw)),
        ("Children", List(v.Children, c => Obj(("Name", S(c.Name)), ("Value", Value(c.Value))))),
        ("Kind", NumberValue.Of((int)v.Kind)));

    private static ObjectValue Type(GqlType t) => Obj(
        ("NamedType", S(t.NamedType)),
        ("Elem", t.Elem is null ? null : Type(t.Elem)),
        ("NonNull", BooleanValue.Of(t.NonNull)));

    private static ObjectValue SchemaDefinition(GqlSchemaDefinition s) => Obj(
        ("Description", S(s.Description)),
        ("Directives", List(s.Directives, Directive)),
        ("OperationTypes", List(s.OperationTypes, o => Obj(("Operation", S(o.Operation)), ("Type", S(o.Type))))));

    private static ObjectValue DirectiveDefinition(GqlDirectiveDefinition d) => Obj(
        ("Description", S(d.Description)),
        ("Name", S(d.Name)),
        ("Arguments", List(d.Arguments, ArgumentDefinition)),
        ("Locations", List(d.Locations, S)),
        ("IsRepeatable", BooleanValue.Of(d.IsRepeatable)));

    private static ObjectValue Definition(GqlDefinition d) => Obj(
        ("Kind", S(d.Kind)),
        ("Description", S(d.Description)),
        ("Name", S(d.Name)),
        ("Directives", List(d.Directives, Directive)),
        ("Interfaces", List(d.Interfaces, S)),
        ("Fields", List(d.Fields, FieldDefinition)),
        ("Types", List(d.Types, S)),
        ("EnumValues", List(d.EnumValues, e => Obj(("Description", S(e.Description)), ("Name", S(e.Name)), ("Directives", List(e.Directives, Directive))))),
        ("BuiltIn", BooleanValue.Of(d.BuiltIn)));

    private static ObjectValue FieldDefinition(GqlFieldDefinition f) => Obj(
        ("Description", S(f.Description)),
        ("Name", S(f.Name)),
        ("Arguments", List(f.Arguments, ArgumentDefinition)),
        ("DefaultValue", f.DefaultValue is null ? null : Value(f.DefaultValue)),
        ("Type", Type(f.Type)),
        ("Directives", List(f.Directives, Directive)));

    private static ObjectValue ArgumentDefinition(GqlArgumentDefinition a) => Obj(
        ("Description", S(a.Description)),
        ("Name", S(a.Name)),
        ("DefaultValue", a.DefaultValue is null ? null : Value(a.DefaultValue)),
        ("Type", Type(a.Type)),
        ("Directives", List(a.Directives, Directive)));

    private static StringValue S(string s) => new(s);

    private static ArrayValue? List<T>(List<T> items, Func<T, Value> map) => items.Count == 0 ? null : new ArrayValue([.. items.Select(map)]);

    /// <summary>An object of the non-null entries (OPA's pruning drops nulls and empty arrays and objects).</summary>
    private static ObjectValue Obj(params (string Name, Value? Value)[] entries)
    {
        var o = new ObjectBuilder();
        foreach (var (name, value) in entries)
        {
            if (value is not null && value is not ArrayValue { Count: 0 } && value is not ObjectValue { Count: 0 })
            {
                o.Set(new StringValue(name), value);
            }
        }

        return o.Build();
    }

    // ---- objects back to documents ----

    public static GqlQueryDocument ReadQuery(ObjectValue o) =>
        new([.. Items(o, "Operations").Select(ReadOperation)], [.. Items(o, "Fragments").Select(ReadFragment)]);

    public static GqlSchemaDocument ReadSchema(ObjectValue o) => new(
        [.. Items(o, "Schema").Select(ReadSchemaDefinition)],
        [.. Items(o, "SchemaExtension").Select(ReadSchemaDefinition)],
        [.. Items(o, "Directives").Select(ReadDirectiveDefinition)],
        [.. Items(o, "Definitions").Select(ReadDefinition)],
        [.. Items(o, "Extensions").Select(ReadDefinition)]);

    private static readonly GqlPos NoPos = new(0, 0);

    private static IEnumerable<ObjectValue> Items(ObjectValue o, string name) =>
        o.Get(name) is ArrayValue a ? a.Items.ToArray().OfType<ObjectValue>() : [];

    private static IEnumerable<string> Strings(ObjectValue o, string name) =>
        o.Get(name) is ArrayValue a ? a.Items.ToArray().OfType<StringValue>().Select(s => s.Value) : [];

    private static string Str(ObjectValue o, string name) => o.Get(name) is StringValue s ? s.Value : "";

    private static bool Bool(ObjectValue o, string name) => o.Get(name) is BooleanValue { Value: true };

    private static GqlOperation ReadOperation(ObjectValue o) => new(
        Str(o, "Operation") is { Length: > 0 } op ? op : "query", Str(o, "Name"),
        ReadVariables(o, "VariableDefinitions"), ReadDirectives(o), ReadSelections(o), NoPos);

    private static List<GqlVariableDefinition> ReadVariables(ObjectValue o, string name) =>
        [.. Items(o, name).Select(v => new GqlVariableDefinition(Str(v, "Variable"), ReadType(v.Get("Type")), ReadOptionalValue(v.Get("DefaultValue")), ReadDirectives(v), NoPos))];

    private static GqlFragment ReadFragment(ObjectValue o) =>
        new(Str(o, "Name"), Str(o, "TypeCondition"), ReadDirectives(o), ReadSelections(o), NoPos) { VariableDefinition = ReadVariables(o, "VariableDefinition") };

    private static List<GqlSelection> ReadSelections(ObjectValue o) => [.. Items(o, "SelectionSet").Select(ReadSelection)];

    /// <summary>
    /// gqlparser's UnmarshalSelectionSet tries a Field first, and decoding an object as a Field never fails, so every
    /// selection read back from an object is a field (a spread's name becomes a field's name; an inline fragment's
    /// type condition is dropped). OPA's built-ins inherit that.
    /// </summary>
    private static GqlSelection ReadSelection(ObjectValue s) =>
        new GqlField(Str(s, "Alias"), Str(s, "Name"), [.. Items(s, "Arguments").Select(ReadArgument)], ReadDirectives(s), ReadSelections(s), NoPos);

    private static GqlArgument ReadArgument(ObjectValue a) => new(Str(a, "Name"), ReadValue(a.Get("Value")), NoPos);

    private static List<GqlDirective> ReadDirectives(ObjectValue o) =>
        [.. Items(o, "Directives").Select(d => new GqlDirective(Str(d, "Name"), [.. Items(d, "Arguments").Select(ReadArgument)], NoPos))];

    private static GqlValue? ReadOptionalValue(Value? v) => v is ObjectValue ? ReadValue(v) : null;

    private static GqlValue ReadValue(Value? v)
    {
        var o = v as ObjectValue ?? ObjectValue.Empty;
        var kind = o.Get("Kind") is NumberValue n && n.TryGetInt64(out var k) && k is >= 0 and <= 9 ? (GqlValueKind)k : GqlValueKind.Variable;
        return new GqlValue(kind, Str(o, "Raw"), [.. Items(o, "Children").Select(c => (Str(c, "Name"), ReadValue(c.Get("Value"))))], NoPos);
    }

    private static GqlType ReadType(Value? v)
    {
        var o = v as ObjectValue ?? ObjectValue.Empty;
        return new GqlType(Str(o, "NamedType"), o.Get("Elem") is ObjectValue ? ReadType(o.Get("Elem")) : null, Bool(o, "NonNull"));
    }

    private static GqlSchemaDefinition ReadSchemaDefinition(ObjectValue o) => new(
        Str(o, "Description"), ReadDirectives(o), [.. Items(o, "OperationTypes").Select(t => (Str(t, "Operation"), Str(t, "Type"), NoPos))], NoPos);

    private static GqlDirectiveDefinition ReadDirectiveDefinition(ObjectValue o) => new(
        Str(o, "Description"), Str(o, "Name"), [.. Items(o, "Arguments").Select(ReadArgumentDefinition)], [.. Strings(o, "Locations")], Bool(o, "IsRepeatable"), NoPos);

    private static GqlArgumentDefinition ReadArgumentDefinition(ObjectValue o) => new(
        Str(o, "Description"), Str(o, "Name"), ReadOptionalValue(o.Get("DefaultValue")), ReadType(o.Get("Type")), ReadDirectives(o), NoPos);

    private static GqlDefinition ReadDefinition(ObjectValue o) => new(
        Str(o, "Kind"), Str(o, "Description"), Str(o, "Name"), ReadDirectives(o), [.. Strings(o, "Interfaces")],
        [.. Items(o, "Fields").Select(f => new GqlFieldDefinition(Str(f, "Description"), Str(f, "Name"), [.. Items(f, "Arguments").Select(ReadArgumentDefinition)], ReadOptionalValue(f.Get("DefaultValue")), ReadType(f.Get("Type")), ReadDirectives(f), NoPos))],
        [.. Strings(o, "Types")],
        [.. Items(o, "EnumValues").Select(e => new GqlEnumValueDefinition(Str(e, "Description"), Str(e, "Name"), ReadDirectives(e), NoPos))],
        NoPos);
}
