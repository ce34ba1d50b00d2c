namespace Steward.Policy.Builtins.GraphQL;

/// <summary>
/// A recursive-descent parser for GraphQL executable documents (<see cref="ParseQuery"/>) and type-system documents
/// (<see cref="ParseSchema"/>), following the October 2021 specification, with gqlparser's conventions (an alias
/// defaults to the field's name) and error texts (<c>Expected Name, found &lt;EOF&gt;</c>, <c>Unexpected Name "x"</c>).
/// </summary>
internal sealed class GqlParser
{
    /// <summary>The deepest nesting of selections, values and list types accepted (the parser recurses).</summary>
    private const int MaxDepth = 256;

    private readonly GqlLexer _lexer;
    private GqlToken _token;
    private int _depth;

    private GqlParser(string source)
    {
        _lexer = new GqlLexer(source);
        _token = _lexer.Next();
    }

    public static GqlQueryDocument ParseQuery(string source) => new GqlParser(source).QueryDocument();

    public static GqlSchemaDocument ParseSchema(string source) => new GqlParser(source).SchemaDocument();

    private GqlToken Advance()
    {
        var previous = _token;
        _token = _lexer.Next();
        return previous;
    }

    private bool Is(GqlTokenKind kind) => _token.Kind == kind;

    private bool IsKeyword(string word) => _token.Kind == GqlTokenKind.Name && _token.Value == word;

    private bool Skip(GqlTokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private GqlToken Expect(GqlTokenKind kind) =>
        Is(kind) ? Advance() : throw new GqlException($"Expected {GqlToken.KindName(kind)}, found {_token}", _token.Pos);

    private void ExpectKeyword(string word)
    {
        if (!IsKeyword(word))
        {
            throw new GqlException($"Expected \"{word}\", found {_token}", _token.Pos);
        }

        Advance();
    }

    private GqlException Unexpected() => new($"Unexpected {_token}", _token.Pos);

    private string Name() => Expect(GqlTokenKind.Name).Value;

    /// <summary>gqlparser's many: open item* close (no items is fine), or nothing when the open token is absent.</summary>
    private List<T> Many<T>(GqlTokenKind open, Func<T> item, GqlTokenKind close)
    {
        var items = new List<T>();
        if (!Skip(open))
        {
            return items;
        }

        while (!Skip(close))
        {
            items.Add(item());
        }

        return items;
    }

    /// <summary>gqlparser's some: open item+ close, or nothing when the open token is absent; open close is an error.</summary>
    private List<T> Some<T>(GqlTokenKind open, Func<T> item, GqlTokenKind close)
    {
        var items = new List<T>();
        if (!Skip(open))
        {
            return items;
        }

        if (Is(close))
        {
            throw new GqlException($"expected at least one definition, found {GqlToken.KindName(_token.Kind)}", _token.Pos);
        }

        while (!Skip(close))
        {
            items.Add(item());
        }

        return items;
    }

    // ---- executable documents ----

    private GqlQueryDocument QueryDocument()
    {
        var operations = new List<GqlOperation>();
        var fragments = new List<GqlFragment>();
        while (!Is(GqlTokenKind.Eof)) // an empty document is no error
        {
            if (Is(GqlTokenKind.BraceL))
            {
                var pos = _token.Pos;
                operations.Add(new GqlOperation("query", "", [], [], SelectionSet(), pos));
            }
            else if (IsKeyword("query") || IsKeyword("mutation") || IsKeyword("subscription"))
            {
                operations.Add(Operation());
            }
            else if (IsKeyword("fragment"))
            {
                fragments.Add(Fragment());
            }
            else
            {
                throw Unexpected();
            }
        }

        return new GqlQueryDocument(operations, fragments);
    }

    private GqlOperation Operation()
    {
        var pos = _token.Pos;
        var operation = Advance().Value;
        var name = Is(GqlTokenKind.Name) ? Name() : "";
        var variables = Many(GqlTokenKind.ParenL, VariableDefinition, GqlTokenKind.ParenR);
        var directives = Directives(false);
        return new GqlOperation(operation, name, variables, directives, SelectionSet(), pos);
    }

    private GqlVariableDefinition VariableDefinition()
    {
        var pos = _token.Pos;
        Expect(GqlTokenKind.Dollar);
        var name = Name();
        Expect(GqlTokenKind.Colon);
        var type = Type();
        return new GqlVariableDefinition(name, type, DefaultValue(), Directives(false), pos);
    }

    private List<GqlSelection> SelectionSet()
    {
        Enter();
        if (!Is(GqlTokenKind.BraceL))
        {
            throw new GqlException($"Expected {{, found {GqlToken.KindName(_token.Kind)}", _token.Pos);
        }

        var selections = Some(GqlTokenKind.BraceL, Selection, GqlTokenKind.BraceR);
        _depth--;
        return selections;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new GqlException($"the document nests deeper than {MaxDepth} levels", _token.Pos);
        }
    }

    private List<GqlSelection> OptionalSelectionSet() => Is(GqlTokenKind.BraceL) ? SelectionSet() : [];

    private GqlSelection Selection()
    {
        if (Is(GqlTokenKind.Spread))
        {
            Advance();
            var pos = _token.Pos;
            if (IsKeyword("on"))
            {
                Advance();
                var type = Name();
                return new GqlInlineFragment(type, Directives(false), SelectionSet(), pos);
            }

            if (Is(GqlTokenKind.Name))
            {
                return new GqlFragmentSpread(Name(), Directives(false), pos);
            }

            return new GqlInlineFragment("", Directives(false), SelectionSet(), pos);
        }

        var at = _token.Pos;
        var alias = Name();
        var name = alias;
        if (Skip(GqlTokenKind.Colon))
        {
            name = Name();
        }

        var arguments = Arguments(false);
        var directives = Directives(false);
        return new GqlField(alias, name, arguments, directives, OptionalSelectionSet(), at);
    }

    private List<GqlArgument> Arguments(bool isConst) => Many(GqlTokenKind.ParenL, () =>
    {
        var pos = _token.Pos;
        var name = Name();
        Expect(GqlTokenKind.Colon);
        return new GqlArgument(name, Value(isConst), pos);
    }, GqlTokenKind.ParenR);

    private List<GqlDirective> Directives(bool isConst)
    {
        var directives = new List<GqlDirective>();
        while (Is(GqlTokenKind.At))
        {
            Advance();
            var pos = _token.Pos; // gqlparser's directive position is its name's
            directives.Add(new GqlDirective(Name(), Arguments(isConst), pos));
        }

        return directives;
    }

    private GqlFragment Fragment()
    {
        var pos = _token.Pos;
        ExpectKeyword("fragment");
        if (IsKeyword("on"))
        {
            throw Unexpected();
        }

        var name = Name();
        var variables = Many(GqlTokenKind.ParenL, VariableDefinition, GqlTokenKind.ParenR); // gqlparser accepts fragment variables
        ExpectKeyword("on");
        var type = Name();
        return new GqlFragment(name, type, Directives(false), SelectionSet(), pos) { VariableDefinition = variables };
    }

    private GqlValue Value(bool isConst)
    {
        Enter();
        var value = ValueCore(isConst);
        _depth--;
        return value;
    }

    private GqlValue ValueCore(bool isConst)
    {
        var token = _token;
        var pos = token.Pos;
        switch (token.Kind)
        {
            case GqlTokenKind.BracketL:
            {
                Advance();
                var children = new List<(string, GqlValue)>();
                while (!Skip(GqlTokenKind.BracketR))
                {
                    children.Add(("", Value(isConst)));
                }

                return new GqlValue(GqlValueKind.List, "", children, pos);
            }

            case GqlTokenKind.BraceL:
            {
                Advance();
                var children = new List<(string, GqlValue)>();
                while (!Skip(GqlTokenKind.BraceR))
                {
                    var name = Name();
                    Expect(GqlTokenKind.Colon);
                    children.Add((name, Value(isConst)));
                }

                return new GqlValue(GqlValueKind.Object, "", children, pos);
            }

            case GqlTokenKind.Dollar when !isConst:
                Advance();
                return new GqlValue(GqlValueKind.Variable, Name(), [], pos);
            case GqlTokenKind.Int or GqlTokenKind.Float or GqlTokenKind.String or GqlTokenKind.BlockString or GqlTokenKind.Name:
                Advance();
                var kind = token.Kind switch
                {
                    GqlTokenKind.Int => GqlValueKind.Int,
                    GqlTokenKind.Float => GqlValueKind.Float,
                    GqlTokenKind.String => GqlValueKind.String,
                    GqlTokenKind.BlockString => GqlValueKind.Block,
                    _ => token.Value switch
                    {
                        "true" or "false" => GqlValueKind.Boolean,
                        "null" => GqlValueKind.Null,
                        _ => GqlValueKind.Enum,
                    },
                };
                return new GqlValue(kind, token.Value, [], pos);
            default:
                throw Unexpected();
        }
    }

    private GqlType Type()
    {
        GqlType type;
        if (Skip(GqlTokenKind.BracketL))
        {
            Enter();
            var pos = _token.Pos;
            var elem = Type();
            _depth--;
            Expect(GqlTokenKind.BracketR);
            type = new GqlType("", elem, false) { Pos = pos };
        }
        else
        {
            var pos = _token.Pos;
            type = new GqlType(Name(), null, false) { Pos = pos };
        }

        return Skip(GqlTokenKind.Bang) ? type with { NonNull = true, Pos = _token.Pos } : type;
    }

    // ---- type-system documents ----

    private GqlSchemaDocument SchemaDocument()
    {
        var document = new GqlSchemaDocument([], [], [], [], []);
        while (!Is(GqlTokenKind.Eof))
        {
            var descriptionToken = _token;
            var description = Description();
            if (!Is(GqlTokenKind.Name))
            {
                throw Unexpected();
            }

            if (IsKeyword("extend"))
            {
                if (description.Length > 0)
                {
                    throw new GqlException($"Unexpected {descriptionToken}", descriptionToken.Pos); // gqlparser reports the description
                }

                Advance();
                if (IsKeyword("schema"))
                {
                    document.SchemaExtension.Add(SchemaDefinition("", extension: true));
                }
                else if (_token.Value is "scalar" or "type" or "interface" or "union" or "enum" or "input")
                {
                    document.Extensions.Add(TypeDefinition("", extension: true));
                }
                else
                {
                    throw Unexpected();
                }

                continue;
            }

            if (IsKeyword("schema"))
            {
                document.Schema.Add(SchemaDefinition(description));
            }
            else if (IsKeyword("directive"))
            {
                document.Directives.Add(DirectiveDefinition(description));
            }
            else if (_token.Value is "scalar" or "type" or "interface" or "union" or "enum" or "input")
            {
                document.Definitions.Add(TypeDefinition(description, extension: false));
            }
            else
            {
                throw Unexpected();
            }
        }

        return document;
    }

    private GqlSchemaDefinition SchemaDefinition(string description, bool extension = false)
    {
        ExpectKeyword("schema");
        var pos = _token.Pos;
        var directives = Directives(true);
        var operations = Some(GqlTokenKind.BraceL, () =>
        {
            var token = Advance();
            if (token.Value is not ("query" or "mutation" or "subscription"))
            {
                throw new GqlException($"Unexpected {token}", token.Pos);
            }

            Expect(GqlTokenKind.Colon);
            return (token.Value, Name(), token.Pos); // gqlparser's entry position is its operation keyword's
        }, GqlTokenKind.BraceR);
        if (extension && directives.Count == 0 && operations.Count == 0)
        {
            throw Unexpected();
        }

        return new GqlSchemaDefinition(description, directives, operations, pos);
    }

    private GqlDirectiveDefinition DirectiveDefinition(string description)
    {
        ExpectKeyword("directive");
        Expect(GqlTokenKind.At);
        var pos = _token.Pos;
        var name = Name();
        var arguments = ArgumentDefinitions();
        var repeatable = false;
        if (IsKeyword("repeatable"))
        {
            Advance();
            repeatable = true;
        }

        ExpectKeyword("on");
        Skip(GqlTokenKind.Pipe);
        var locations = new List<string>();
        do
        {
            var locationPos = _token.Pos;
            var location = Name();
            if (!GqlSchema.DirectiveLocations.Contains(location))
            {
                throw new GqlException($"Unexpected Name \"{location}\"", locationPos);
            }

            locations.Add(location);
        }
        while (Skip(GqlTokenKind.Pipe));
        return new GqlDirectiveDefinition(description, name, arguments, locations, repeatable, pos);
    }

    private GqlDefinition TypeDefinition(string description, bool extension)
    {
        var pos = _token.Pos;
        if (!Is(GqlTokenKind.Name))
        {
            throw Unexpected();
        }

        var keyword = _token.Value;
        var kind = keyword switch
        {
            "scalar" => "SCALAR",
            "type" => "OBJECT",
            "interface" => "INTERFACE",
            "union" => "UNION",
            "enum" => "ENUM",
            "input" => "INPUT_OBJECT",
            _ => throw Unexpected(),
        };
        Advance();
        pos = _token.Pos; // gqlparser's definition position is its name's
        var name = Name();
        var interfaces = new List<string>();
        // gqlparser: interfaces on object types and interface definitions (not interface extensions), & separated only
        if ((kind == "OBJECT" || (kind == "INTERFACE" && !extension)) && _token.Value == "implements")
        {
            Advance();
            Skip(GqlTokenKind.Amp);
            do
            {
                interfaces.Add(Name());
            }
            while (Skip(GqlTokenKind.Amp));
        }

        var directives = Directives(!(extension && kind == "INPUT_OBJECT"));
        var fields = new List<GqlFieldDefinition>();
        var types = new List<string>();
        var values = new List<GqlEnumValueDefinition>();
        switch (kind)
        {
            case "OBJECT" or "INTERFACE":
                fields = Some(GqlTokenKind.BraceL, FieldDefinition, GqlTokenKind.BraceR);
                break;
            case "INPUT_OBJECT":
                fields = Some(GqlTokenKind.BraceL, InputFieldDefinition, GqlTokenKind.BraceR);
                break;
            case "UNION":
                if (Skip(GqlTokenKind.Equals))
                {
                    Skip(GqlTokenKind.Pipe);
                    do
                    {
                        types.Add(Name());
                    }
                    while (Skip(GqlTokenKind.Pipe));
                }

                break;
            case "ENUM":
                values = Some(GqlTokenKind.BraceL, EnumValueDefinition, GqlTokenKind.BraceR);
                break;
        }

        // an extension must add something (gqlparser reports the token after it)
        if (extension && directives.Count == 0 && interfaces.Count == 0 && fields.Count == 0 && types.Count == 0 && values.Count == 0)
        {
            throw Unexpected();
        }

        return new GqlDefinition(kind, description, name, directives, interfaces, fields, types, values, pos);
    }

    private string Description() => Is(GqlTokenKind.String) || Is(GqlTokenKind.BlockString) ? Advance().Value : "";

    private GqlFieldDefinition FieldDefinition()
    {
        var pos = _token.Pos; // gqlparser's position is taken before the description
        var description = Description();
        var name = Name();
        var arguments = ArgumentDefinitions();
        Expect(GqlTokenKind.Colon);
        var type = Type();
        return new GqlFieldDefinition(description, name, arguments, null, type, Directives(true), pos);
    }

    private GqlFieldDefinition InputFieldDefinition()
    {
        var input = InputValueDefinition();
        return new GqlFieldDefinition(input.Description, input.Name, [], input.DefaultValue, input.Type, input.Directives, input.Pos);
    }

    private List<GqlArgumentDefinition> ArgumentDefinitions() => Some(GqlTokenKind.ParenL, InputValueDefinition, GqlTokenKind.ParenR);

    private GqlArgumentDefinition InputValueDefinition()
    {
        var pos = _token.Pos;
        var description = Description();
        var name = Name();
        Expect(GqlTokenKind.Colon);
        var type = Type();
        return new GqlArgumentDefinition(description, name, DefaultValue(), type, Directives(true), pos);
    }

    /// <summary>An optional <c>= value</c> (constant) after a variable or input value's type.</summary>
    private GqlValue? DefaultValue() => Skip(GqlTokenKind.Equals) ? Value(true) : null;

    private GqlEnumValueDefinition EnumValueDefinition()
    {
        var pos = _token.Pos;
        var description = Description();
        return new GqlEnumValueDefinition(description, Name(), Directives(true), pos);
    }
}
