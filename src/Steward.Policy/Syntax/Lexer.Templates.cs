using System.Text;

namespace Steward.Policy.Syntax;

/// <summary>
/// Template strings (OPA 1.12's string interpolation): <c>$"text {expr} text"</c>, and <c>$`...`</c> whose text is
/// raw and may span lines. The text between expressions becomes one token each (<see cref="TokenKind.TemplateHead"/>
/// up to the first <c>{</c>, <see cref="TokenKind.TemplateMiddle"/> between a <c>}</c> and the next <c>{</c>,
/// <see cref="TokenKind.TemplateTail"/> up to the closing quote, <see cref="TokenKind.TemplateWhole"/> when there is no
/// expression); the expressions in between are ordinary tokens. A stack of open templates counts the braces inside
/// each expression (sets, objects, comprehensions, nested templates), so the brace that ends an expression is told
/// from one that closes a collection. <c>\{</c> and <c>\}</c> stand for the braces themselves; the other escapes of a
/// quoted template are JSON's, and a raw template keeps every other backslash.
/// </summary>
internal sealed partial class Lexer
{
    private readonly Stack<TemplateFrame> _templates = new();

    private Token ScanTemplateStart(int line, int column, bool newline, bool space)
    {
        char quote = Peek(1);
        if (quote is not ('"' or '`'))
        {
            throw Error(line, column, "illegal $ character");
        }

        _pos += 2;
        bool raw = quote == '`';
        var (text, opensExpression) = ScanTemplateText(raw, line, column);
        if (opensExpression)
        {
            _templates.Push(new TemplateFrame(raw));
        }

        return new Token(opensExpression ? TokenKind.TemplateHead : TokenKind.TemplateWhole, text, line, column, newline, space);
    }

    /// <summary>
    /// Reads template text from the current position up to an unescaped <c>{</c> (true: an expression follows) or the
    /// closing quote (false), both consumed.
    /// </summary>
    private (string Text, bool OpensExpression) ScanTemplateText(bool raw, int line, int column)
    {
        char quote = raw ? '`' : '"';
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || (!raw && _text[_pos] == '\n'))
            {
                throw Error(line, column, raw ? "non-terminated raw string" : "non-terminated string");
            }

            char c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return (sb.ToString(), false);
            }

            if (c == '{')
            {
                _pos++;
                return (sb.ToString(), true);
            }

            if (c == '\\' && Peek(1) is '{' or '}')
            {
                sb.Append(Peek(1));
                _pos += 2;
                continue;
            }

            if (c == '\\' && !raw)
            {
                AppendEscape(sb);
                continue;
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }

            sb.Append(c);
            _pos++;
        }
    }

    /// <summary>A JSON escape at the current backslash, as in quoted strings.</summary>
    private void AppendEscape(StringBuilder sb)
    {
        int escLine = _line;
        int escColumn = Column;
        char e = Peek(1);
        _pos += 2;
        if (JsonEscape.Simple(e) is { } simple)
        {
            sb.Append(simple);
        }
        else if (e == 'u')
        {
            if (!JsonEscape.TryHex4(_text.AsSpan(_pos), out var unit))
            {
                throw Error(escLine, escColumn, "illegal string escape: \\u must be followed by four hex digits");
            }

            sb.Append(unit);
            _pos += 4;
        }
        else
        {
            throw Error(escLine, escColumn, $"illegal string escape: \\{e}");
        }
    }

    /// <summary>An open template: whether it is raw, and how many braces its current expression has open.</summary>
    private sealed class TemplateFrame(bool raw)
    {
        public bool Raw { get; } = raw;

        public int Depth { get; set; }
    }
}
