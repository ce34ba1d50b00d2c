namespace Steward.Policy.Syntax;

/// <summary>
/// Recursive-descent parser for Rego v1. Newlines separate body literals: while <see cref="_lineSensitive"/> is
/// set (module level, rule and comprehension bodies, queries) a token on a new line ends the current term;
/// inside parentheses, brackets and collection literals newlines are insignificant.
/// This part holds the token cursor and the module-level grammar (package, imports, rules).
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> ImportRoots = new(StringComparer.Ordinal) { "data", "input", "future", "rego" };

    private readonly List<Token> _tokens;
    private readonly string? _fileName;
    private int _index;
    private bool _lineSensitive = true;
    private bool _barEndsTerm;

    public Parser(List<Token> tokens, string? fileName)
    {
        _tokens = tokens;
        _fileName = fileName;
    }

    private Token Current => _tokens[_index];

    private bool OnSameLine => !(_lineSensitive && Current.NewlineBefore);

    public Module ParseModule()
    {
        if (!At(TokenKind.Package))
        {
            throw Error(Current, "package expected");
        }

        var package = ParsePackage();
        var imports = new List<ImportDecl>();
        var rules = new List<Rule>();
        while (!At(TokenKind.Eof))
        {
            if (!Current.NewlineBefore)
            {
                throw Unexpected();
            }

            if (At(TokenKind.Import))
            {
                imports.Add(ParseImport());
            }
            else if (At(TokenKind.Package))
            {
                throw Error(Current, "unexpected package keyword: a module has one package declaration");
            }
            else
            {
                rules.Add(ParseRule());
            }
        }

        return new Module(_fileName, package, imports, rules);
    }

    public IReadOnlyList<Literal> ParseQuery()
    {
        var first = Current;
        var body = ParseLiterals(TokenKind.Eof, "EOF");
        if (body.Count == 0)
        {
            throw Error(first, "empty query");
        }

        return body;
    }

    private PackageDecl ParsePackage()
    {
        var keyword = Advance();
        var path = new List<string>();
        if (!At(TokenKind.Ident) || !OnSameLine)
        {
            throw Unexpected("ident");
        }

        path.Add(Advance().Text);
        while (OnSameLine && (At(TokenKind.Dot) || At(TokenKind.LBrack)))
        {
            if (Advance().Kind == TokenKind.Dot)
            {
                path.Add(ExpectName().Text);
            }
            else
            {
                if (!At(TokenKind.String) && !At(TokenKind.RawString))
                {
                    throw Unexpected("string");
                }

                path.Add(Advance().Text);
                Expect(TokenKind.RBrack, "]");
            }
        }

        return new PackageDecl(keyword.Location, path);
    }

    private ImportDecl ParseImport()
    {
        var keyword = Advance();
        if (!At(TokenKind.Ident) || !OnSameLine)
        {
            throw Unexpected("ident");
        }

        var root = Current;
        var path = ParsePrimary();
        if (!ImportRoots.Contains(root.Text) || path is not (VarTerm or RefTerm { Head: VarTerm }))
        {
            throw Error(root, $"invalid path {root.Text}: path must begin with input or data");
        }

        string? alias = null;
        if (OnSameLine && Accept(TokenKind.As))
        {
            if (!At(TokenKind.Ident))
            {
                throw Unexpected("ident");
            }

            alias = Advance().Text;
        }

        EnableKeywords(path);
        return new ImportDecl(keyword.Location, path, alias);
    }

    private bool At(TokenKind kind) => Current.Kind == kind;

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.Eof)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (!At(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string expected) => At(kind) ? Advance() : throw Unexpected(expected);

    /// <summary>A name after a dot: an identifier or a keyword used as a key (<c>input.in</c>).</summary>
    private Token ExpectName()
    {
        if (At(TokenKind.Ident) || Lexer.IsKeyword(Current.Text))
        {
            return Advance();
        }

        throw Unexpected("ident");
    }

    /// <summary>Runs a parse with the given newline significance and comprehension-bar handling, then restores them.</summary>
    private T Nested<T>(bool lineSensitive, bool barEndsTerm, Func<T> parse)
    {
        (bool line, bool bar) = (_lineSensitive, _barEndsTerm);
        (_lineSensitive, _barEndsTerm) = (lineSensitive, barEndsTerm);
        try
        {
            return parse();
        }
        finally
        {
            (_lineSensitive, _barEndsTerm) = (line, bar);
        }
    }

    private RegoParseException Unexpected(string? expected = null)
    {
        string what = Current.Kind is TokenKind.Ident or TokenKind.Number or TokenKind.String or TokenKind.RawString or TokenKind.Eof
            or TokenKind.TemplateHead or TokenKind.TemplateMiddle or TokenKind.TemplateTail or TokenKind.TemplateWhole
            || !Lexer.IsKeyword(Current.Text)
            ? $"unexpected {Current.Describe()} token"
            : $"unexpected {Current.Text} keyword";
        return Error(Current, expected is null ? what : $"{what}: expected {expected}");
    }

    private RegoParseException Error(Token token, string detail) => Error(token.Location, detail);

    private RegoParseException Error(SourceLocation location, string detail) => new(_fileName, location.Line, location.Column, detail);
}
