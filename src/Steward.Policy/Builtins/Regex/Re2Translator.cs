using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// Checks a pattern against RE2's syntax (Go's regexp) and rewrites it for .NET: ASCII \d \w \s, POSIX classes,
/// \Q..\E, \x{...}, \pL, (?P&lt;name&gt;), (?U), and $ as end of text. Constructs RE2 rejects (backreferences,
/// lookaround, atomic groups) are errors with Go's messages.
/// </summary>
internal sealed partial class Re2Translator
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
                    // A Go '.' takes a whole code point; .NET's would take half of a surrogate pair.
                    _o.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|.)");
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
}
