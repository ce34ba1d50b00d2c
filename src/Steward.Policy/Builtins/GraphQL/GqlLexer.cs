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
    public override string ToString() =>
        Kind >= GqlTokenKind.Name ? $"{KindName(Kind)} {GoQuote(Value)}" : KindName(Kind);

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

            throw new GqlException("Unexpected character \".\"", pos);
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
            return source.AsSpan(_at).StartsWith("\"\"\"") ? BlockString(pos) : String(pos);
        }

        throw new GqlException($"Cannot parse the unexpected character \"{c}\".", pos);
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
                while (_at < source.Length && source[_at] is not ('\n' or '\r'))
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

        if (_at < source.Length && (source[_at] == '_' || source[_at] == '.' || char.IsAsciiLetter(source[_at])))
        {
            throw new GqlException($"Invalid number, expected digit but got: \"{source[_at]}\".", Here());
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
                throw new GqlException($"Invalid character within String: \"\\u{(int)c:X4}\".", Here());
            }

            if (c != '\\')
            {
                sb.Append(c);
                _at++;
                continue;
            }

            if (_at + 1 >= source.Length)
            {
                throw new GqlException("Unterminated string.", Here());
            }

            var e = source[_at + 1];
            if (JsonEscape.Simple(e) is { } simple)
            {
                sb.Append(simple);
            }
            else if (e == 'u')
            {
                if (!JsonEscape.TryHex4(source.AsSpan(_at + 2), out var unit))
                {
                    var bad = source.Substring(_at, Math.Min(6, source.Length - _at));
                    throw new GqlException($"Invalid character escape sequence: {bad}.", Here());
                }

                sb.Append(unit);
                _at += 4;
            }
            else
            {
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
