using System.Globalization;
using System.Text;

namespace Steward.Policy.Builtins;

internal sealed partial class Re2Translator
{
    private int ReadRune()
    {
        var c = _p[_i];
        if (char.IsHighSurrogate(c) && _i + 1 < _p.Length && char.IsLowSurrogate(_p[_i + 1]))
        {
            _i += 2;
            return char.ConvertToUtf32(c, _p[_i - 1]);
        }

        _i++;
        return c;
    }

    private static void AppendLiteral(StringBuilder o, int codePoint, bool inClass)
    {
        if (codePoint > 0xFFFF)
        {
            var s = char.ConvertFromUtf32(codePoint);
            if (inClass)
            {
                o.Append(s);
            }
            else
            {
                o.Append("(?:").Append(s).Append(')');
            }

            return;
        }

        var ch = (char)codePoint;
        if (ch < 0x20 || ch == 0x7f)
        {
            o.Append("\\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }
        else if ((inClass ? "\\]^-[" : "\\*+?|{}()[]^$.# ").Contains(ch, StringComparison.Ordinal))
        {
            o.Append('\\').Append(ch);
        }
        else
        {
            o.Append(ch);
        }
    }

    private void Escape()
    {
        var start = _i;
        if (_i + 1 >= _p.Length)
        {
            throw Error("trailing backslash at end of expression", string.Empty);
        }

        var c = _p[_i + 1];
        switch (c)
        {
            case 'A':
                _o.Append("\\A");
                _i += 2;
                return;
            case 'z':
                _o.Append("\\z");
                _i += 2;
                return;
            case 'b':
                // RE2's word boundary is ASCII-only.
                _o.Append("(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))");
                _i += 2;
                return;
            case 'B':
                _o.Append("(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))");
                _i += 2;
                return;
            case 'Q':
            {
                var end = _p.IndexOf("\\E", _i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? _p[(_i + 2)..] : _p[(_i + 2)..end];
                _i = end < 0 ? _p.Length : end + 2;
                _o.Append("(?:");
                foreach (var rune in StringFormatting.Runes(literal))
                {
                    AppendLiteral(_o, rune.Value, inClass: false);
                }

                _o.Append(')');
                return;
            }

            case 'E':
                _i += 2;
                return;
            default:
                if (ClassEscape(out var set, out var negated))
                {
                    _o.Append(negated ? "[^" : "[").Append(set).Append(']');
                    return;
                }

                AppendLiteral(_o, CharEscape(start), inClass: false);
                return;
        }
    }

    /// <summary>Reads a single-character escape and returns its code point.</summary>
    private int CharEscape(int start)
    {
        var c = _p[_i + 1];
        _i += 2;
        switch (c)
        {
            case 'a': return '\a';
            case 'f': return '\f';
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'v': return '\v';
            case 'x':
                if (_i < _p.Length && _p[_i] == '{')
                {
                    var close = _p.IndexOf('}', _i);
                    if (close < 0 || close == _i + 1 || !int.TryParse(_p.AsSpan(_i + 1, close - _i - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) || v > 0x10FFFF)
                    {
                        throw Error("invalid escape sequence", _p[start..Math.Min(close < 0 ? _p.Length : close + 1, _p.Length)]);
                    }

                    _i = close + 1;
                    return v;
                }

                if (_i + 2 <= _p.Length && int.TryParse(_p.AsSpan(_i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
                {
                    _i += 2;
                    return h;
                }

                throw Error("invalid escape sequence", _p[start..Math.Min(_i + 2, _p.Length)]);
            case >= '0' and <= '7':
                if (c != '0' && (_i >= _p.Length || _p[_i] < '0' || _p[_i] > '7'))
                {
                    throw Error("invalid escape sequence", _p[start.._i]);
                }

                var value = c - '0';
                for (var k = 0; k < 2 && _i < _p.Length && _p[_i] >= '0' && _p[_i] <= '7'; k++)
                {
                    value = (value * 8) + (_p[_i++] - '0');
                }

                return value;
        }

        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            return c;
        }

        throw Error("invalid escape sequence", _p[start.._i]);
    }
}
