using System.Text;

namespace Steward.Policy.Builtins;

internal sealed partial class Re2Translator
{
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
