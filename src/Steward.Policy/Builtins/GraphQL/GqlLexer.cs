using System.Text;
using Steward.Policy.Syntax;

namespace Steward.Policy.Builtins.GraphQL;

internal enum GqlTokenKind
{
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

internal readonly record struct GqlToken(GqlTokenKind Kind, string Value, GqlPos Pos)
{
    public static string KindName(GqlTokenKind kind) => kind switch
    {
        GqlTokenKind.Eof => "<EOF>",
        GqlTokenKind.Bang => "!",
        GqlTokenKind.Dollar => "$",
        GqlTokenKind.Amp => "&",
        GqlTokenKind.ParenL => "(",
        GqlTokenKind.ParenR => ")",
        GqlTokenKind.Spread => "...",
        GqlTokenKind.Colon => ":",
        GqlTokenKind.Equals => "=",
        GqlTokenKind.At => "@",
        GqlTokenKind.BracketL => "[",
        GqlTokenKind.BracketR => "]",
        GqlTokenKind.BraceL => "{",
        GqlTokenKind.Pipe => "|",
        GqlTokenKind.BraceR => "}",
        GqlTokenKind.Name => "Name",
        GqlTokenKind.Int => "Int",
        GqlTokenKind.Float => "Float",
        GqlTokenKind.String => "String",
        _ => "BlockString",
    };

    /// <summary>The token as error messages name it: its kind, and its text quoted for names, numbers and strings.</summary>
    /// <summary>gqlparser's Token.String: the kind, and the value Go-quoted when it is not empty.</summary>
    public override string ToString() =>
        Value.Length > 0 ? $"{KindName(Kind)} {GoQuote(Value)}" : KindName(Kind);

    private static string GoQuote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\v' => "\\v",
                < ' ' or '\x7f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>
/// The GraphQL lexer (October 2021 specification): punctuators, names, numbers, strings and block strings (with the
/// specification's indentation removal); white space, commas and comments are ignored. Errors are gqlparser's.
/// </summary>
internal sealed class GqlLexer(string source)
{
    private int _at;
    private int _line = 1;
    private int _lineStart;

    public GqlToken Next()
    {
        SkipIgnored();
        var pos = new GqlPos(_line, _at - _lineStart + 1);
        if (_at >= source.Length)
        {
            return new GqlToken(GqlTokenKind.Eof, "", pos);
        }

        var c = source[_at];
        GqlTokenKind? punctuator = c switch
        {
            '!' => GqlTokenKind.Bang,
            '$' => GqlTokenKind.Dollar,
            '&' => GqlTokenKind.Amp,
            '(' => GqlTokenKind.ParenL,
            ')' => GqlTokenKind.ParenR,
            ':' => GqlTokenKind.Colon,
            '=' => GqlTokenKind.Equals,
            '@' => GqlTokenKind.At,
            '[' => GqlTokenKind.BracketL,
            ']' => GqlTokenKind.BracketR,
            '{' => GqlTokenKind.BraceL,
            '|' => GqlTokenKind.Pipe,
            '}' => GqlTokenKind.BraceR,
            _ => null,
        };
        if (punctuator is { } p)
        {
            _at++;
            return new GqlToken(p, "", pos);
        }

        if (c == '.')
        {
            if (source.AsSpan(_at).StartsWith("..."))
            {
                _at += 3;
                return new GqlToken(GqlTokenKind.Spread, "", pos);
            }

        }

        if (c == '_' || char.IsAsciiLetter(c))
        {
            var start = _at;
            while (_at < source.Length && (source[_at] == '_' || char.IsAsciiLetterOrDigit(source[_at])))
            {
                _at++;
            }

            return new GqlToken(GqlTokenKind.Name, source[start.._at], pos);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return Number(pos);
        }

        if (c == '"')
        {
            // gqlparser's string tokens start after the opening quote(s)
            return source.AsSpan(_at).StartsWith("\"\"\"") ? BlockString(pos with { Column = pos.Column + 3 }) : String(pos with { Column = pos.Column + 1 });
        }

        if (c < ' ' && c is not ('\t' or '\n' or '\r'))
        {
            // gqlparser formats the byte with %04d: decimal digits after \u
            throw new GqlException($"Cannot contain the invalid character \"\\u{(int)c:D4}\"", pos);
        }

        if (c == '\'')
        {
            throw new GqlException("Unexpected single quote character ('), did you mean to use a double quote (\")?", pos);
        }

        // gqlparser prints the first byte of the character's UTF-8 encoding as if it were a code point
        var first = c < 0x80 ? c : (char)Encoding.UTF8.GetBytes(source, _at, char.IsHighSurrogate(c) && _at + 1 < source.Length ? 2 : 1)[0];
        throw new GqlException($"Cannot parse the unexpected character \"{first}\".", pos);
    }

    private void SkipIgnored()
    {
        while (_at < source.Length)
        {
            var c = source[_at];
            if (c is ' ' or '\t' or ',' or '\uFEFF')
            {
                _at++;
            }
            else if (c == '\n' || c == '\r')
            {
                _at++;
                if (c == '\r' && _at < source.Length && source[_at] == '\n')
                {
                    _at++;
                }

                _line++;
                _lineStart = _at;
            }
            else if (c == '#')
            {
                // a comment runs to the first control character other than a tab
                while (_at < source.Length && (source[_at] >= ' ' || source[_at] == '\t'))
                {
                    _at++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private GqlToken Number(GqlPos pos)
    {
        var start = _at;
        var isFloat = false;
        if (source[_at] == '-')
        {
            _at++;
        }

        if (_at < source.Length && source[_at] == '0')
        {
            _at++;
            if (_at < source.Length && char.IsAsciiDigit(source[_at]))
            {
                throw new GqlException($"Invalid number, unexpected digit after 0: \"{source[_at]}\".", Here());
            }
        }
        else
        {
            Digits();
        }

        if (_at < source.Length && source[_at] == '.')
        {
            isFloat = true;
            _at++;
            Digits();
        }

        if (_at < source.Length && source[_at] is 'e' or 'E')
        {
            isFloat = true;
            _at++;
            if (_at < source.Length && source[_at] is '+' or '-')
            {
                _at++;
            }

            Digits();
        }

        return new GqlToken(isFloat ? GqlTokenKind.Float : GqlTokenKind.Int, source[start.._at], pos);
    }

    private void Digits()
    {
        if (_at >= source.Length || !char.IsAsciiDigit(source[_at]))
        {
            var got = _at >= source.Length ? "<EOF>" : $"\"{source[_at]}\"";
            throw new GqlException($"Invalid number, expected digit but got: {got}.", Here());
        }

        while (_at < source.Length && char.IsAsciiDigit(source[_at]))
        {
            _at++;
        }
    }

    private GqlPos Here() => new(_line, _at - _lineStart + 1);

    private GqlToken String(GqlPos pos)
    {
        _at++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_at >= source.Length || source[_at] is '\n' or '\r')
            {
                throw new GqlException("Unterminated string.", Here());
            }

            var c = source[_at];
            if (c == '"')
            {
                _at++;
                return new GqlToken(GqlTokenKind.String, sb.ToString(), pos);
            }

            if (c < ' ' && c != '\t')
            {
                throw new GqlException($"Invalid character within String: \"\\u{(int)c:D4}\".", Here());
            }

            if (c != '\\')
            {
                sb.Append(c);
                _at++;
                continue;
            }

            if (_at + 1 >= source.Length)
            {
                _at++;
                throw new GqlException("Invalid character escape sequence.", Here());
            }

            var e = source[_at + 1];
            if (JsonEscape.Simple(e) is { } simple)
            {
                sb.Append(simple);
            }
            else if (e == 'u')
            {
                // gqlparser needs six characters after the backslash (so a \uXXXX right at the end is an error too) and
                // reports from the u, at the u
                if (_at + 6 >= source.Length)
                {
                    _at++;
                    throw new GqlException($"Invalid character escape sequence: \\{source[_at..]}.", Here());
                }

                if (!JsonEscape.TryHex4(source.AsSpan(_at + 2), out var unit))
                {
                    _at++;
                    throw new GqlException($"Invalid character escape sequence: \\{source.Substring(_at, 5)}.", Here());
                }

                sb.Append(unit);
                _at += 4;
            }
            else
            {
                _at++;
                throw new GqlException($"Invalid character escape sequence: \\{e}.", Here());
            }

            _at += 2;
        }
    }

    private GqlToken BlockString(GqlPos pos)
    {
        _at += 3;
        var raw = new StringBuilder();
        while (true)
        {
            if (_at >= source.Length)
            {
                throw new GqlException("Unterminated string.", Here());
            }

            if (source.AsSpan(_at).StartsWith("\"\"\""))
            {
                _at += 3;
                return new GqlToken(GqlTokenKind.BlockString, BlockStringValue(raw.ToString()), pos);
            }

            if (source.AsSpan(_at).StartsWith("\\\"\"\""))
            {
                raw.Append("\"\"\"");
                _at += 4;
                continue;
            }

            if (source[_at] < ' ' && source[_at] is not ('\t' or '\n' or '\r'))
            {
                throw new GqlException($"Invalid character within String: \"\\u{(int)source[_at]:D4}\".", Here());
            }

            var c = source[_at++];
            raw.Append(c);
            if (c == '\n' || (c == '\r' && (_at >= source.Length || source[_at] != '\n')))
            {
                _line++;
                _lineStart = _at;
            }
        }
    }

    /// <summary>The specification's BlockStringValue: common indentation removed, blank first and last lines dropped.</summary>
    private static string BlockStringValue(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        int? common = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (indent < lines[i].Length && (common is null || indent < common))
            {
                common = indent;
            }
        }

        if (common is > 0)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length >= common ? lines[i][common.Value..] : lines[i].TrimStart(' ', '\t');
            }
        }

        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && lines[first].Trim(' ', '\t').Length == 0)
        {
            first++;
        }

        while (last >= first && lines[last].Trim(' ', '\t').Length == 0)
        {
            last--;
        }

        return string.Join('\n', lines[first..(last + 1)]);
    }
}
