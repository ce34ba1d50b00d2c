using System.Globalization;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// Checks a pattern against RE2's syntax (Go's regexp) and rewrites it for .NET: ASCII \d \w \s, POSIX classes,
/// \Q..\E, \x{...}, \pL, (?P&lt;name&gt;), (?U), and $ as end of text. Constructs RE2 rejects (backreferences,
/// lookaround, atomic groups) are errors with Go's messages.
/// </summary>
internal sealed class Re2Translator
{
    private const string Digits = "0-9";
    private const string Word = "0-9A-Za-z_";
    private const string Space = "\\t\\n\\f\\r ";

    private readonly string _p;
    private readonly StringBuilder _o = new();
    private readonly List<string?> _names = [null];
    private int _i;
    private bool _multiline;
    private bool _ungreedy;

    private Re2Translator(string pattern) => _p = pattern;

    /// <summary>The translated pattern and capture names by group number (index 0 is the whole match).</summary>
    public static (string Pattern, string?[] Names) Translate(string pattern)
    {
        var t = new Re2Translator(pattern);
        t.Alternation(0);
        if (t._i < t._p.Length)
        {
            throw Error("unexpected )", pattern);
        }

        return (t._o.ToString(), [.. t._names]);
    }

    private static BuiltinException Error(string code, string fragment) => new($"error parsing regexp: {code}: `{fragment}`");

    private void Alternation(int depth)
    {
        var atomStart = true;
        var lastWasRepeat = false;
        var repeatStart = 0;
        while (_i < _p.Length)
        {
            var c = _p[_i];
            switch (c)
            {
                case '|':
                    _o.Append('|');
                    _i++;
                    atomStart = true;
                    lastWasRepeat = false;
                    continue;
                case ')':
                    if (depth == 0)
                    {
                        throw Error("unexpected )", _p);
                    }

                    return;
                case '*' or '+' or '?':
                {
                    var start = _i;
                    _i++;
                    var lazy = _i < _p.Length && _p[_i] == '?';
                    if (lazy)
                    {
                        _i++;
                    }

                    if (lastWasRepeat)
                    {
                        throw Error("invalid nested repetition operator", _p[repeatStart.._i]);
                    }

                    if (atomStart)
                    {
                        throw Error("missing argument to repetition operator", _p[start.._i]);
                    }

                    _o.Append(c);
                    if (lazy != _ungreedy)
                    {
                        _o.Append('?');
                    }

                    lastWasRepeat = true;
                    repeatStart = start;
                    continue;
                }

                case '{':
                    if (TryRepeat(out var min, out var max, out var end))
                    {
                        var start = _i;
                        _i = end;
                        var lazy = _i < _p.Length && _p[_i] == '?';
                        if (lazy)
                        {
                            _i++;
                        }

                        if (lastWasRepeat)
                        {
                            throw Error("invalid nested repetition operator", _p[repeatStart.._i]);
                        }

                        if (atomStart)
                        {
                            throw Error("missing argument to repetition operator", _p[start.._i]);
                        }

                        if (min > 1000 || max > 1000 || (max >= 0 && max < min))
                        {
                            throw Error("invalid repeat count", _p[start..end]);
                        }

                        _o.Append(_p, start, end - start);
                        if (lazy != _ungreedy)
                        {
                            _o.Append('?');
                        }

                        lastWasRepeat = true;
                        repeatStart = start;
                        continue;
                    }

                    _o.Append("\\{");
                    _i++;
                    break;
                case '(':
                    if (Group(depth))
                    {
                        // A flag group like (?i) is not something to repeat.
                        atomStart = true;
                        lastWasRepeat = false;
                        continue;
                    }

                    break;
                case '[':
                    Class();
                    break;
                case '\\':
                    Escape();
                    break;
                case '$':
                    _o.Append(_multiline ? "(?=\\n|\\z)" : "\\z");
                    _i++;
                    break;
                case '^':
                    _o.Append(_multiline ? "(?<=\\A|\\n)" : "\\A");
                    _i++;
                    break;
                case '.':
                    _o.Append('.');
                    _i++;
                    break;
                default:
                    AppendLiteral(_o, ReadRune(), inClass: false);
                    break;
            }

            atomStart = false;
            lastWasRepeat = false;
        }

        if (depth > 0)
        {
            throw Error("missing closing )", _p);
        }
    }

    private bool TryRepeat(out int min, out int max, out int end)
    {
        min = max = -1;
        end = _i;
        var j = _i + 1;
        var n1 = ReadInt(ref j);
        if (n1 < 0)
        {
            return false;
        }

        min = n1;
        if (j < _p.Length && _p[j] == '}')
        {
            max = n1;
            end = j + 1;
            return true;
        }

        if (j >= _p.Length || _p[j] != ',')
        {
            return false;
        }

        j++;
        if (j < _p.Length && _p[j] == '}')
        {
            max = -1;
            end = j + 1;
            return true;
        }

        var n2 = ReadInt(ref j);
        if (n2 < 0 || j >= _p.Length || _p[j] != '}')
        {
            return false;
        }

        max = n2;
        end = j + 1;
        return true;
    }

    private int ReadInt(ref int j)
    {
        var start = j;
        long n = 0;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            n = Math.Min((n * 10) + (_p[j] - '0'), 100_000);
            j++;
        }

        return j == start ? -1 : (int)n;
    }

    /// <summary>Translates a group; returns true when it was only a flag setting.</summary>
    private bool Group(int depth)
    {
        var start = _i;
        _i++;
        var savedMultiline = _multiline;
        var savedUngreedy = _ungreedy;
        if (_i < _p.Length && _p[_i] == '?')
        {
            var rest = _p[_i..];
            if (rest.StartsWith("?P<", StringComparison.Ordinal) || rest.StartsWith("?<", StringComparison.Ordinal) && !rest.StartsWith("?<=", StringComparison.Ordinal) && !rest.StartsWith("?<!", StringComparison.Ordinal))
            {
                var nameStart = _i + (rest[1] == 'P' ? 3 : 2);
                var close = _p.IndexOf('>', nameStart);
                if (close < 0)
                {
                    throw Error("invalid named capture", _p[start..]);
                }

                var name = _p[nameStart..close];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    throw Error("invalid named capture", _p[start..(close + 1)]);
                }

                if (_names.Contains(name))
                {
                    throw Error("duplicate capture group name", name);
                }

                _names.Add(name);
                _i = close + 1;
                _o.Append('(');
            }
            else
            {
                // Flags: (?flags) or (?flags:re)
                var j = _i + 1;
                var negate = false;
                var sawFlag = false;
                var flagsOn = new StringBuilder();
                var flagsOff = new StringBuilder();
                while (j < _p.Length && _p[j] != ')' && _p[j] != ':')
                {
                    var f = _p[j];
                    switch (f)
                    {
                        case 'i' or 's':
                            (negate ? flagsOff : flagsOn).Append(f);
                            sawFlag = true;
                            break;
                        case 'm':
                            _multiline = !negate;
                            sawFlag = true;
                            break;
                        case 'U':
                            _ungreedy = !negate;
                            sawFlag = true;
                            break;
                        case '-' when !negate:
                            negate = true;
                            sawFlag = false;
                            break;
                        default:
                            throw Error("invalid or unsupported Perl syntax", _p[start..Math.Min(j + 1, _p.Length)]);
                    }

                    j++;
                }

                if (j >= _p.Length || (negate && !sawFlag) || (j == _i + 1 && _p[j] == ')'))
                {
                    throw Error(j >= _p.Length ? "missing closing )" : "invalid or unsupported Perl syntax", _p[start..Math.Min(j + 1, _p.Length)]);
                }

                var flags = flagsOn.ToString() + (flagsOff.Length > 0 ? "-" + flagsOff : string.Empty);
                if (_p[j] == ')')
                {
                    // Applies to the rest of the enclosing group.
                    if (flags.Length > 0)
                    {
                        _o.Append("(?").Append(flags).Append(')');
                    }

                    _i = j + 1;
                    return true;
                }

                _o.Append("(?").Append(flags).Append(':');
                _i = j + 1;
                Alternation(depth + 1);
                _o.Append(')');
                _i++;
                _multiline = savedMultiline;
                _ungreedy = savedUngreedy;
                return false;
            }
        }
        else
        {
            _names.Add(null);
            _o.Append('(');
        }

        Alternation(depth + 1);
        _o.Append(')');
        _i++;
        _multiline = savedMultiline;
        _ungreedy = savedUngreedy;
        return false;
    }

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
            case 'b' or 'B':
                _o.Append('\\').Append(c);
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

    /// <summary>Reads \d \w \s (and negations) and \p{..}; returns the class body for a .NET character class.</summary>
    private bool ClassEscape(out string set, out bool negated)
    {
        set = string.Empty;
        negated = false;
        var c = _p[_i + 1];
        switch (c)
        {
            case 'd' or 'D':
                set = Digits;
                break;
            case 'w' or 'W':
                set = Word;
                break;
            case 's' or 'S':
                set = Space;
                break;
            case 'p' or 'P':
                var start = _i;
                string name;
                if (_i + 2 < _p.Length && _p[_i + 2] == '{')
                {
                    var close = _p.IndexOf('}', _i + 3);
                    if (close < 0)
                    {
                        throw Error("invalid character class range", _p[start..]);
                    }

                    name = _p[(_i + 3)..close];
                    _i = close + 1;
                }
                else if (_i + 2 < _p.Length)
                {
                    name = _p[_i + 2].ToString();
                    _i += 3;
                }
                else
                {
                    throw Error("invalid character class range", _p[start..]);
                }

                var neg = c == 'P';
                if (name.StartsWith('^'))
                {
                    neg = !neg;
                    name = name[1..];
                }

                set = UnicodeClass(name) ?? throw Error("invalid character class range", _p[start.._i]);
                if (neg)
                {
                    set = set.StartsWith("\\p", StringComparison.Ordinal) ? "\\P" + set[2..] : set;
                }

                return true;
            default:
                return false;
        }

        negated = char.IsUpper(c);
        _i += 2;
        return true;
    }

    private static string? UnicodeClass(string name)
    {
        if (name == "Any")
        {
            return "\\s\\S";
        }

        string[] categories = ["C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs"];
        if (categories.Contains(name))
        {
            return "\\p{" + name + "}";
        }

        return name switch
        {
            "Latin" => "A-Za-z\\u00AA\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF",
            "Greek" => "\\p{IsGreekandCoptic}\\p{IsGreekExtended}",
            "Cyrillic" => "\\p{IsCyrillic}\\p{IsCyrillicSupplement}",
            "Han" => "\\p{IsCJKUnifiedIdeographs}\\p{IsCJKUnifiedIdeographsExtensionA}\\p{IsCJKCompatibilityIdeographs}",
            "Hiragana" => "\\p{IsHiragana}",
            "Katakana" => "\\p{IsKatakana}",
            "Arabic" => "\\p{IsArabic}",
            "Hebrew" => "\\p{IsHebrew}",
            "Thai" => "\\p{IsThai}",
            "Hangul" => "\\p{IsHangulSyllables}\\p{IsHangulJamo}",
            _ => null,
        };
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

    private void Class()
    {
        var start = _i;
        _i++;
        var o = new StringBuilder("[");
        if (_i < _p.Length && _p[_i] == '^')
        {
            o.Append('^');
            _i++;
        }

        var first = true;
        while (true)
        {
            if (_i >= _p.Length)
            {
                throw Error("missing closing ]", _p[start..]);
            }

            var c = _p[_i];
            if (c == ']' && !first)
            {
                _i++;
                break;
            }

            first = false;
            if (c == '[' && _i + 1 < _p.Length && _p[_i + 1] == ':')
            {
                var close = _p.IndexOf(":]", _i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = _p[(_i + 2)..close];
                    var neg = name.StartsWith('^');
                    var posix = Posix(neg ? name[1..] : name);
                    if (posix is not null)
                    {
                        if (neg)
                        {
                            throw Error("invalid character class range", _p[_i..(close + 2)]);
                        }

                        o.Append(posix);
                        _i = close + 2;
                        continue;
                    }

                    throw Error("invalid character class range", _p[_i..(close + 2)]);
                }
            }

            if (c == '\\' && _i + 1 < _p.Length && "dDwWsSpP".Contains(_p[_i + 1], StringComparison.Ordinal))
            {
                var save = _i;
                ClassEscape(out var set, out var negated);
                if (negated)
                {
                    o.Append(_p[save + 1] switch
                    {
                        'D' => "\\D",
                        'W' => "\\W",
                        'S' => "\\S",
                        _ => set,
                    });
                }
                else
                {
                    o.Append(set);
                }

                continue;
            }

            var lowStart = _i;
            var low = ClassChar(start);
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                _i++;
                var high = ClassChar(start);
                if (high < low)
                {
                    throw Error("invalid character class range", _p[lowStart.._i]);
                }

                AppendLiteral(o, low, inClass: true);
                o.Append('-');
                AppendLiteral(o, high, inClass: true);
            }
            else
            {
                AppendLiteral(o, low, inClass: true);
            }
        }

        o.Append(']');
        _o.Append(o);
    }

    private int ClassChar(int classStart)
    {
        if (_i >= _p.Length)
        {
            throw Error("missing closing ]", _p[classStart..]);
        }

        if (_p[_i] == '\\')
        {
            if (_i + 1 >= _p.Length)
            {
                throw Error("missing closing ]", _p[classStart..]);
            }

            return CharEscape(_i);
        }

        return ReadRune();
    }

    private static string? Posix(string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => "\\u0000-\\u007F",
        "blank" => "\\t ",
        "cntrl" => "\\u0000-\\u001F\\u007F",
        "digit" => "0-9",
        "graph" => "!-~",
        "lower" => "a-z",
        "print" => " -~",
        "punct" => "!-/:-@\\[-`{-~",
        "space" => "\\t\\n\\v\\f\\r ",
        "upper" => "A-Z",
        "word" => "0-9A-Za-z_",
        "xdigit" => "0-9A-Fa-f",
        _ => null,
    };
}
