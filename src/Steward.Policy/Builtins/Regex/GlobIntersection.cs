namespace Steward.Policy.Builtins;

/// <summary>
/// regex.globs_match: whether two patterns over the syntax of glob-intersection (., [a-z], \x, literals and the
/// modifiers * and +; anchored at both ends) match a common non-empty string (a product walk over both automata).
/// </summary>
internal static class GlobIntersection
{
    public static bool NonEmpty(string a, string b)
    {
        var x = Parse(a);
        var y = Parse(b);
        var seen = new HashSet<(int, int, bool)>();
        var queue = new Queue<(int, int, bool)>();
        foreach (var start in Closure(x, 0))
        {
            foreach (var other in Closure(y, 0))
            {
                if (seen.Add((start, other, false)))
                {
                    queue.Enqueue((start, other, false));
                }
            }
        }

        while (queue.Count > 0)
        {
            var (i, j, consumed) = queue.Dequeue();
            if (i == x.Count && j == y.Count && consumed)
            {
                return true;
            }

            if (i == x.Count || j == y.Count || !x[i].Set.Intersects(y[j].Set))
            {
                continue;
            }

            foreach (var ni in Next(x, i))
            {
                foreach (var nj in Next(y, j))
                {
                    foreach (var ci in Closure(x, ni))
                    {
                        foreach (var cj in Closure(y, nj))
                        {
                            if (seen.Add((ci, cj, true)))
                            {
                                queue.Enqueue((ci, cj, true));
                            }
                        }
                    }
                }
            }
        }

        return false;
    }

    private static IEnumerable<int> Next(List<Token> tokens, int i) =>
        tokens[i].Modifier is '*' or '+' ? [i, i + 1] : [i + 1];

    private static List<int> Closure(List<Token> tokens, int i)
    {
        var states = new List<int> { i };
        while (i < tokens.Count && tokens[i].Modifier == '*')
        {
            i++;
            states.Add(i);
        }

        return states;
    }

    private static List<Token> Parse(string pattern)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            CharSet set;
            switch (c)
            {
                case '.':
                    set = CharSet.Any;
                    i++;
                    break;
                case '[':
                    set = Class(pattern, ref i);
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        throw Invalid(i, "input ends with a \\ (escape) character");
                    }

                    set = CharSet.Single(pattern[i + 1]);
                    i += 2;
                    break;
                case '*' or '+':
                    throw Invalid(i + 1, $"flag '{c}' must be preceded by a non-flag");
                case ']':
                    throw Invalid(i + 1, "set-close ']' with no preceding '['");
                default:
                    set = CharSet.Single(c);
                    i++;
                    break;
            }

            var modifier = '1';
            if (i < pattern.Length && pattern[i] is '*' or '+')
            {
                modifier = pattern[i];
                i++;
            }

            tokens.Add(new Token(set, modifier));
        }

        return tokens;
    }

    private static BuiltinException Invalid(int position, string message) =>
        new($"pos:{position}:{message}: the input provided is invalid");

    private static CharSet Class(string p, ref int i)
    {
        i++;
        var negated = false;
        var ranges = new List<(int Low, int High)>();
        while (true)
        {
            if (i >= p.Length)
            {
                throw Invalid(p.Length, "found [ without matching ]");
            }

            if (p[i] == ']')
            {
                i++;
                break;
            }

            var low = p[i] == '\\' && i + 1 < p.Length ? p[++i] : p[i];
            i++;
            var high = low;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                i++;
                high = p[i] == '\\' && i + 1 < p.Length ? p[++i] : p[i];
                i++;
            }

            ranges.Add((low, high));
        }

        return new CharSet(negated, ranges);
    }

    private readonly record struct Token(CharSet Set, char Modifier);

    private sealed class CharSet(bool negated, List<(int Low, int High)> ranges)
    {
        public static CharSet Any { get; } = new(true, []);

        public static CharSet Single(char c) => new(false, [(c, c)]);

        private List<(int Low, int High)> Positive =>
            negated ? Complement(ranges) : ranges;

        public bool Intersects(CharSet other)
        {
            foreach (var (l1, h1) in Positive)
            {
                foreach (var (l2, h2) in other.Positive)
                {
                    if (l1 <= h2 && l2 <= h1)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static List<(int Low, int High)> Complement(List<(int Low, int High)> ranges)
        {
            var sorted = ranges.OrderBy(r => r.Low).ToList();
            var result = new List<(int Low, int High)>();
            var next = 0;
            foreach (var (low, high) in sorted)
            {
                if (low > next)
                {
                    result.Add((next, low - 1));
                }

                next = Math.Max(next, high + 1);
            }

            if (next <= 0x10FFFF)
            {
                result.Add((next, 0x10FFFF));
            }

            return result;
        }
    }
}
