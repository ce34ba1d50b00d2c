namespace Steward.Policy.Syntax;

/// <summary>Splits Rego source into tokens with 1-based line and column positions.</summary>
internal sealed partial class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["package"] = TokenKind.Package,
        ["import"] = TokenKind.Import,
        ["default"] = TokenKind.Default,
        ["not"] = TokenKind.Not,
        ["some"] = TokenKind.Some,
        ["every"] = TokenKind.Every,
        ["in"] = TokenKind.In,
        ["with"] = TokenKind.With,
        ["as"] = TokenKind.As,
        ["else"] = TokenKind.Else,
        ["if"] = TokenKind.If,
        ["contains"] = TokenKind.Contains,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
    };

    private readonly List<Comment> _comments = [];
    private readonly string _text;
    private readonly string? _fileName;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text, string? fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    public static List<Token> Tokenize(string text, string? fileName) => Tokenize(text, fileName, out _);

    /// <summary>Tokenizes and also returns the comments in source order (their position and text after the <c>#</c>).</summary>
    public static List<Token> Tokenize(string text, string? fileName, out List<Comment> comments)
    {
        var lexer = new Lexer(text, fileName);
        comments = lexer._comments;
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.Eof)
            {
                return tokens;
            }
        }
    }

    public static bool IsKeyword(string name) => Keywords.ContainsKey(name);

    private int Column => _pos - _lineStart + 1;

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private Token Next()
    {
        bool newline = false;
        bool space = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                newline = true;
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                space = true;
                _pos++;
            }
            else if (c == '#')
            {
                int start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }

                // Every comment is kept (rego.parse_module lists them); those at column 1 may form METADATA blocks.
                _comments.Add(new Comment(_line, start - _lineStart + 1, _text[(start + 1).._pos].TrimEnd('\r')));
            }
            else
            {
                break;
            }
        }

        int line = _line;
        int column = Column;
        Token Make(TokenKind kind, string text) => new(kind, text, line, column, newline, space || newline);

        if (_pos >= _text.Length)
        {
            return Make(TokenKind.Eof, "");
        }

        char ch = _text[_pos];
        if (IsIdentStart(ch))
        {
            int start = _pos;
            while (_pos < _text.Length && IsIdentPart(_text[_pos]))
            {
                _pos++;
            }

            string word = _text[start.._pos];
            return Make(Keywords.TryGetValue(word, out var keyword) ? keyword : TokenKind.Ident, word);
        }

        if (char.IsAsciiDigit(ch))
        {
            return Make(TokenKind.Number, ScanNumber());
        }

        if (ch == '"')
        {
            return Make(TokenKind.String, ScanString());
        }

        if (ch == '`')
        {
            return Make(TokenKind.RawString, ScanRawString());
        }

        if (ch == '$')
        {
            return ScanTemplateStart(line, column, newline, space || newline);
        }

        if (_templates.Count > 0 && ch is '{' or '}')
        {
            var frame = _templates.Peek();
            if (ch == '{')
            {
                frame.Depth++;
            }
            else if (frame.Depth > 0)
            {
                frame.Depth--;
            }
            else
            {
                // The brace that closes a template expression: the template's text continues after it.
                _pos++;
                var (text, opensExpression) = ScanTemplateText(frame.Raw, line, column);
                if (!opensExpression)
                {
                    _templates.Pop();
                }

                return Make(opensExpression ? TokenKind.TemplateMiddle : TokenKind.TemplateTail, text);
            }
        }

        (TokenKind kind, int length) = (ch, Peek(1)) switch
        {
            (':', '=') => (TokenKind.Assign, 2),
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('=', _) => (TokenKind.Unify, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('&', _) => (TokenKind.Amp, 1),
            ('|', _) => (TokenKind.Bar, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            (';', _) => (TokenKind.Semicolon, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('[', _) => (TokenKind.LBrack, 1),
            (']', _) => (TokenKind.RBrack, 1),
            ('{', _) => (TokenKind.LBrace, 1),
            ('}', _) => (TokenKind.RBrace, 1),
            ('(', _) => (TokenKind.LParen, 1),
            (')', _) => (TokenKind.RParen, 1),
            _ => (TokenKind.Eof, 0),
        };

        if (length == 0)
        {
            throw Error(line, column, $"illegal token: unexpected character '{ch}'");
        }

        string op = _text.Substring(_pos, length);
        _pos += length;
        return Make(kind, op);
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private RegoParseException Error(int line, int column, string detail) => new(_fileName, line, column, detail);

    /// <summary>A comment: its line, the column of its <c>#</c>, and its text after the <c>#</c>.</summary>
    internal readonly record struct Comment(int Line, int Column, string Text);
}
