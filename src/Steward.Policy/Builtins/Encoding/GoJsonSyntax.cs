using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>The syntax error Go's json.Decoder (as OPA's util.UnmarshalJSON drives it) reports for a text, or null when it is valid.</summary>
internal sealed class GoJsonSyntax
{
    private readonly byte[] _s;
    private int _i;

    private GoJsonSyntax(string text) => _s = Encoding.UTF8.GetBytes(text);

    public static string? Check(string text)
    {
        var scanner = new GoJsonSyntax(text);
        try
        {
            scanner.SkipSpace();
            if (scanner._i >= scanner._s.Length)
            {
                return "EOF";
            }

            scanner.Value();
            scanner.SkipSpace();
            if (scanner._i < scanner._s.Length)
            {
                var c = scanner._s[scanner._i];
                if (c is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (byte)'t' or (byte)'f' or (byte)'n' || (c >= '0' && c <= '9'))
                {
                    var start = scanner._i;
                    scanner.Value();
                    return $"error: invalid character '{Encoding.UTF8.GetString(scanner._s, start, scanner._i - start).Trim('"')}' after top-level value";
                }

                return Invalid(c, "looking for beginning of value");
            }

            return null;
        }
        catch (SyntaxError e)
        {
            return e.Message;
        }
    }

    private static string Invalid(byte c, string context) => $"invalid character {QuoteChar(c)} {context}";

    private static string QuoteChar(byte c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        var quoted = StringFormatting.Quote(((char)c).ToString());
        return "'" + quoted[1..^1] + "'";
    }

    private byte Next(string context)
    {
        if (_i >= _s.Length)
        {
            throw new SyntaxError("unexpected EOF");
        }

        _ = context;
        return _s[_i++];
    }

    private void SkipSpace()
    {
        while (_i < _s.Length && _s[_i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _i++;
        }
    }

    private void Value()
    {
        SkipSpace();
        var c = Next("looking for beginning of value");
        switch (c)
        {
            case (byte)'{':
                SkipSpace();
                if (Peek() == '}')
                {
                    _i++;
                    return;
                }

                while (true)
                {
                    SkipSpace();
                    var k = Next("looking for beginning of object key string");
                    if (k != '"')
                    {
                        throw new SyntaxError(Invalid(k, "looking for beginning of object key string"));
                    }

                    String();
                    SkipSpace();
                    var colon = Next("after object key");
                    if (colon != ':')
                    {
                        throw new SyntaxError(Invalid(colon, "after object key"));
                    }

                    Value();
                    SkipSpace();
                    var sep = Next("after object key:value pair");
                    if (sep == '}')
                    {
                        return;
                    }

                    if (sep != ',')
                    {
                        throw new SyntaxError(Invalid(sep, "after object key:value pair"));
                    }
                }

            case (byte)'[':
                SkipSpace();
                if (Peek() == ']')
                {
                    _i++;
                    return;
                }

                while (true)
                {
                    Value();
                    SkipSpace();
                    var sep = Next("after array element");
                    if (sep == ']')
                    {
                        return;
                    }

                    if (sep != ',')
                    {
                        throw new SyntaxError(Invalid(sep, "after array element"));
                    }
                }

            case (byte)'"':
                String();
                return;
            case (byte)'t':
                Literal("rue", "true");
                return;
            case (byte)'f':
                Literal("alse", "false");
                return;
            case (byte)'n':
                Literal("ull", "null");
                return;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                _i--;
                Number();
                return;
            default:
                throw new SyntaxError(Invalid(c, "looking for beginning of value"));
        }
    }

    private int Peek() => _i < _s.Length ? _s[_i] : -1;

    private void Literal(string rest, string word)
    {
        foreach (var expected in rest)
        {
            var c = Next("in literal " + word);
            if (c != expected)
            {
                throw new SyntaxError(Invalid(c, $"in literal {word} (expecting '{expected}')"));
            }
        }
    }

    private void String()
    {
        while (true)
        {
            var c = Next("in string literal");
            if (c == '"')
            {
                return;
            }

            if (c < 0x20)
            {
                throw new SyntaxError(Invalid(c, "in string literal"));
            }

            if (c != '\\')
            {
                continue;
            }

            var e = Next("in string escape code");
            if (e == 'u')
            {
                for (var k = 0; k < 4; k++)
                {
                    var h = Next("in \\u hexadecimal character escape");
                    if (!Uri.IsHexDigit((char)h))
                    {
                        throw new SyntaxError(Invalid(h, "in \\u hexadecimal character escape"));
                    }
                }
            }
            else if (e is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
            {
                throw new SyntaxError(Invalid(e, "in string escape code"));
            }
        }
    }

    private void Number()
    {
        if (Peek() == '-')
        {
            _i++;
            var d = Next("in numeric literal");
            if (d is < (byte)'0' or > (byte)'9')
            {
                throw new SyntaxError(Invalid(d, "in numeric literal"));
            }

            _i--;
        }

        if (Peek() == '0')
        {
            _i++;
        }
        else
        {
            while (Peek() is >= '0' and <= '9')
            {
                _i++;
            }
        }

        if (Peek() == '.')
        {
            _i++;
            var d = Next("after decimal point in numeric literal");
            if (d is < (byte)'0' or > (byte)'9')
            {
                throw new SyntaxError(Invalid(d, "after decimal point in numeric literal"));
            }

            while (Peek() is >= '0' and <= '9')
            {
                _i++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _i++;
            if (Peek() is '+' or '-')
            {
                _i++;
            }

            var d = Next("in exponent of numeric literal");
            if (d is < (byte)'0' or > (byte)'9')
            {
                throw new SyntaxError(Invalid(d, "in exponent of numeric literal"));
            }

            while (Peek() is >= '0' and <= '9')
            {
                _i++;
            }
        }
    }

    private sealed class SyntaxError(string message) : Exception(message);
}
