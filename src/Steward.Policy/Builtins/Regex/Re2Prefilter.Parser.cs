namespace Steward.Policy.Builtins;

internal sealed partial class Re2Prefilter
{
    /// <summary>A recursive-descent reader of the subset of .NET syntax the RE2 translator emits.</summary>
    private sealed class Parser(string p)
    {
        private int _i;

        public int Position => _i;

        public bool SawIgnoreCase { get; private set; }

        public Info Alternation()
        {
            var branches = new List<Info> { Concatenation() };
            while (_i < p.Length && p[_i] == '|')
            {
                _i++;
                branches.Add(Concatenation());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            HashSet<string>? exact = [];
            HashSet<string>? required = [];
            foreach (var b in branches)
            {
                exact = exact is null || b.Exact is null ? null : Union(exact, b.Exact);
                var r = b.Required ?? Useful(b.Exact);
                required = required is null || r is null ? null : Union(required, r);
            }

            return new Info(exact, required);
        }

        private static HashSet<string>? Union(HashSet<string> a, HashSet<string> b)
        {
            if (a.Count + b.Count > MaxStrings)
            {
                return null;
            }

            var u = new HashSet<string>(a, StringComparer.Ordinal);
            u.UnionWith(b);
            return u;
        }

        private Info Concatenation()
        {
            HashSet<string>? exact = [string.Empty];
            HashSet<string>? run = [string.Empty];
            HashSet<string>? best = null;
            while (_i < p.Length && p[_i] != '|' && p[_i] != ')')
            {
                var item = Quantified(Atom());
                exact = exact is null || item.Exact is null ? null : Product(exact, item.Exact);
                if (item.Exact is not null && run is not null)
                {
                    run = Product(run, item.Exact);
                }
                else
                {
                    best = Better(best, Useful(run));
                    run = item.Exact is null ? [string.Empty] : [.. item.Exact];
                }

                best = Better(best, Useful(item.Required));
            }

            best = Better(best, Useful(run));
            if (exact is not null)
            {
                best = Better(best, Useful(exact));
            }

            return new Info(exact, best);
        }

        private static HashSet<string>? Product(HashSet<string> a, HashSet<string> b)
        {
            if (a.Count * b.Count > MaxStrings)
            {
                return null;
            }

            var product = new HashSet<string>(StringComparer.Ordinal);
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    if (x.Length + y.Length > MaxLength)
                    {
                        return null;
                    }

                    product.Add(x + y);
                }
            }

            return product;
        }

        private Info Quantified(Info atom)
        {
            if (_i >= p.Length)
            {
                return atom;
            }

            int min;
            int max;
            switch (p[_i])
            {
                case '*':
                    (min, max) = (0, -1);
                    _i++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    _i++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _i++;
                    break;
                case '{':
                    (min, max) = Braces();
                    break;
                default:
                    return atom;
            }

            if (_i < p.Length && p[_i] == '?')
            {
                _i++;
            }

            if (min == 0)
            {
                return Info.Unknown;
            }

            // One or more copies: every match contains a match of the atom; exactly one copy is the atom itself.
            return min == 1 && max == 1 ? atom : new Info(null, atom.Required ?? Useful(atom.Exact));
        }

        private (int Min, int Max) Braces()
        {
            var close = p.IndexOf('}', _i);
            if (close < 0)
            {
                throw new NotSupportedException();
            }

            var body = p[(_i + 1)..close];
            _i = close + 1;
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var min = int.Parse(comma < 0 ? body : body[..comma], System.Globalization.CultureInfo.InvariantCulture);
            var max = comma < 0 ? min : comma == body.Length - 1 ? -1 : int.Parse(body[(comma + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return (min, max);
        }

        private Info Atom()
        {
            var c = p[_i];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    SkipClass();
                    return Info.Unknown;
                case '\\':
                    return Escape();
                case '.':
                    _i++;
                    return Info.Unknown;
                case '^' or '$':
                    _i++;
                    return Info.ZeroWidth;
                case '*' or '+' or '?' or '{' or '#' or ' ':
                    throw new NotSupportedException();
                default:
                    _i++;
                    return Info.Literal(c.ToString());
            }
        }

        private Info Group()
        {
            _i++;
            var zeroWidth = false;
            if (_i < p.Length && p[_i] == '?')
            {
                _i++;
                if (_i >= p.Length)
                {
                    throw new NotSupportedException();
                }

                switch (p[_i])
                {
                    case ':':
                        _i++;
                        break;
                    case '=' or '!':
                        _i++;
                        zeroWidth = true;
                        break;
                    case '<' when _i + 1 < p.Length && p[_i + 1] is '=' or '!':
                        _i += 2;
                        zeroWidth = true;
                        break;
                    case '<':
                    {
                        var close = p.IndexOf('>', _i);
                        if (close < 0)
                        {
                            throw new NotSupportedException();
                        }

                        _i = close + 1;
                        break;
                    }

                    default:
                        // Inline flags (?i) (?s-i) or scoped (?i:...): only i and s appear; case matters for the search.
                        while (_i < p.Length && p[_i] is 'i' or 's' or '-')
                        {
                            SawIgnoreCase |= p[_i] == 'i';
                            _i++;
                        }

                        if (_i >= p.Length)
                        {
                            throw new NotSupportedException();
                        }

                        if (p[_i] == ')')
                        {
                            _i++;
                            return Info.ZeroWidth;
                        }

                        if (p[_i] != ':')
                        {
                            throw new NotSupportedException();
                        }

                        _i++;
                        break;
                }
            }

            var inner = Alternation();
            if (_i >= p.Length || p[_i] != ')')
            {
                throw new NotSupportedException();
            }

            _i++;
            return zeroWidth ? Info.ZeroWidth : inner;
        }

        private void SkipClass()
        {
            _i++;
            while (_i < p.Length)
            {
                switch (p[_i])
                {
                    case '\\':
                        _i += 2;
                        continue;
                    case ']':
                        _i++;
                        return;
                    case '[':
                        throw new NotSupportedException();
                    default:
                        _i++;
                        continue;
                }
            }

            throw new NotSupportedException();
        }

        private Info Escape()
        {
            if (_i + 1 >= p.Length)
            {
                throw new NotSupportedException();
            }

            var e = p[_i + 1];
            _i += 2;
            switch (e)
            {
                case 'A' or 'z' or 'Z' or 'b' or 'B' or 'G':
                    return Info.ZeroWidth;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Info.Unknown;
                case 'p' or 'P':
                    if (_i >= p.Length || p[_i] != '{')
                    {
                        throw new NotSupportedException();
                    }

                    var close = p.IndexOf('}', _i);
                    _i = close < 0 ? throw new NotSupportedException() : close + 1;
                    return Info.Unknown;
                case 'u':
                    if (_i + 4 > p.Length)
                    {
                        throw new NotSupportedException();
                    }

                    var code = int.Parse(p.AsSpan(_i, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    _i += 4;
                    return Info.Literal(((char)code).ToString());
                default:
                    if (char.IsAsciiLetterOrDigit(e))
                    {
                        // \t, \x41, \1 ...: not emitted by the translator; decline rather than guess.
                        throw new NotSupportedException();
                    }

                    return Info.Literal(e.ToString());
            }
        }
    }
}
