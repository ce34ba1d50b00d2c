using System.Text;

namespace Steward.Policy.Syntax;

/// <summary>Number and string literals: JSON numbers, quoted strings with JSON escapes, raw strings in backticks.</summary>
internal sealed partial class Lexer
{
    private string ScanNumber()
    {
        int start = _pos;
        int line = _line;
        int column = Column;
        if (Peek() == '0' && char.IsAsciiDigit(Peek(1)))
        {
            throw Error(line, column, "illegal number format: leading zero");
        }

        SkipDigits();
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                _pos = save;
                throw Error(line, column, "illegal number format: missing exponent digits");
            }

            SkipDigits();
        }

        if (IsIdentStart(Peek()))
        {
            throw Error(line, column, "illegal number format");
        }

        return _text[start.._pos];
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }
    }

    private string ScanString()
    {
        int line = _line;
        int column = Column;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "non-terminated string");
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            AppendEscape(sb);
        }
    }

    private string ScanRawString()
    {
        int line = _line;
        int column = Column;
        _pos++;
        int start = _pos;
        while (_pos < _text.Length && _text[_pos] != '`')
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }

            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw Error(line, column, "non-terminated raw string");
        }

        string value = _text[start.._pos];
        _pos++;
        return value;
    }
}
