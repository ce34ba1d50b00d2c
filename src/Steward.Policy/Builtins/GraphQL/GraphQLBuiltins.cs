using Steward.Policy.Builtins.GraphQL;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// OPA's <c>graphql.*</c> built-ins: parse queries and schemas (strings, or the AST objects these built-ins return),
/// validate a query against a schema, and answer the ASTs. Errors read as OPA's: <c>MESSAGE in GraphQL string at
/// location LINE:COLUMN</c> for syntax, <c>... in GraphQL query string at location ...</c> for validation.
/// </summary>
internal static class GraphQLBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("graphql.parse_query", 1, (_, a) => GqlJson.Query(ParseQuery(Operand.String(a, 0))));
        r.Register("graphql.parse_schema", 1, (_, a) => GqlJson.Schema(ParseSchema(Operand.String(a, 0))));
        r.Register("graphql.parse", 2, (_, a) => Parse(a));
        r.Register("graphql.parse_and_verify", 2, (_, a) => ParseAndVerify(a));
        r.Register("graphql.is_valid", 2, (_, a) => BooleanValue.Of(TryVerify(a[0], a[1], out GqlQueryDocument? _, out GqlSchemaDocument? _)));
        r.Register("graphql.schema_is_valid", 1, (_, a) => BooleanValue.Of(TrySchema(a[0], out GqlSchema? _)));
    }

    private static GqlQueryDocument ParseQuery(string text)
    {
        try
        {
            return GqlParser.ParseQuery(text);
        }
        catch (GqlException e)
        {
            throw new BuiltinException($"{e.Message} in GraphQL string at location {e.Pos.Line}:{e.Pos.Column}");
        }
    }

    private static GqlSchemaDocument ParseSchema(string text)
    {
        try
        {
            return GqlParser.ParseSchema(text);
        }
        catch (GqlException e)
        {
            throw new BuiltinException($"{e.Message} in GraphQL string at location {e.Pos.Line}:{e.Pos.Column}");
        }
    }

    private static GqlQueryDocument Query(Value value) => value switch
    {
        StringValue s => ParseQuery(s.Value),
        ObjectValue o => GqlJson.ReadQuery(o),
        _ => throw OperandErrors.Type(0, value, "string", "object"), // OPA numbers these two operands from 0
    };

    private static GqlSchemaDocument SchemaDocument(Value value) => value switch
    {
        StringValue s => ParseSchema(s.Value),
        ObjectValue o => GqlJson.ReadSchema(o),
        _ => throw OperandErrors.Type(1, value, "string", "object"),
    };

    private static GqlSchema Schema(GqlSchemaDocument document)
    {
        try
        {
            return GqlSchema.Build(document);
        }
        catch (GqlException e)
        {
            // OPA wraps the gqlerror with %w, so its whole text appears: input:LINE:COLUMN: MESSAGE
            throw new BuiltinException($"Error in gqlparser SchemaDocument to Schema conversion: input:{e.Pos.Line}:{e.Pos.Column}: {e.Message}");
        }
    }

    private static void Validate(GqlSchema schema, GqlQueryDocument query)
    {
        List<(string Message, GqlPos Pos)> errors;
        try
        {
            errors = GqlValidator.Validate(schema, query);
        }
        catch (GqlException e)
        {
            // Steward's own limits on crafted documents end validation with this one error.
            throw new BuiltinException($"{e.Message} in GraphQL query string at location {e.Pos.Line}:{e.Pos.Column}");
        }

        if (errors.Count > 0)
        {
            throw new BuiltinException(ValidationMessage(errors));
        }
    }

    /// <summary>
    /// OPA's text for gqlparser's error list: the list prints each error as <c>input:LINE:COLUMN: MESSAGE</c> and a
    /// newline; OPA splits that at the first three colons, keeps the rest (every error after the first keeps its
    /// prefix), removes one trailing <c>".\n"</c> (only when the last message ends with a period; otherwise the newline
    /// stays) and appends the first error's location.
    /// </summary>
    internal static string ValidationMessage(IReadOnlyList<(string Message, GqlPos Pos)> errors)
    {
        var text = string.Concat(errors.Select(e => $"input:{e.Pos.Line}:{e.Pos.Column}: {e.Message}\n"));
        var parts = text.Split(':', 4);
        var message = parts[3].TrimStart(' ');
        if (message.EndsWith(".\n", StringComparison.Ordinal))
        {
            message = message[..^2];
        }

        return $"{message} in GraphQL query string at location {parts[1]}:{parts[2]}";
    }

    private static Value Parse(ReadOnlySpan<Value> args)
    {
        var query = Query(args[0]);
        var schemaDocument = SchemaDocument(args[1]);
        Validate(Schema(schemaDocument), query);
        return new ArrayValue([GqlJson.Query(query), GqlJson.Schema(schemaDocument)]);
    }

    private static Value ParseAndVerify(ReadOnlySpan<Value> args) =>
        TryVerify(args[0], args[1], out var query, out var schema)
            ? new ArrayValue([BooleanValue.True, GqlJson.Query(query!), GqlJson.Schema(schema!)])
            : new ArrayValue([BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty]);

    private static bool TryVerify(Value queryValue, Value schemaValue, out GqlQueryDocument? query, out GqlSchemaDocument? schemaDocument)
    {
        query = null;
        schemaDocument = null;
        try
        {
            query = Query(queryValue);
            schemaDocument = SchemaDocument(schemaValue);
            Validate(Schema(schemaDocument), query);
            return true;
        }
        catch (Exception e) when (e is BuiltinException or OperandTypeException)
        {
            return false;
        }
    }

    private static bool TrySchema(Value value, out GqlSchema? schema)
    {
        schema = null;
        try
        {
            schema = Schema(SchemaDocument(value));
            return true;
        }
        catch (Exception e) when (e is BuiltinException or OperandTypeException)
        {
            return false;
        }
    }
}
