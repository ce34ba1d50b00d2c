namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// A Thompson automaton over the ten ASCII digits for the regular-expression subset libphonenumber's metadata
/// writes its number patterns in: digits, classes such as <c>[1-357-9]</c>, groups <c>( )</c> and <c>(?: )</c>,
/// alternation, <c>?</c>, <c>*</c>, <c>+</c> and bounded repeats <c>{n}</c>, <c>{n,m}</c>, <c>{n,}</c>. Several patterns
/// ("entries") share one start state; each entry's final state is tagged with its number, so one
/// <see cref="DigitDfa"/> answers for all of them at once. Anything else throws <see cref="FormatException"/>.
/// </summary>
internal sealed class DigitNfa
{
    internal readonly List<int> Mask = [];       // the digits of a state's one transition (0: none)
    internal readonly List<int> Next = [];       // where that transition goes
    internal readonly List<List<int>> Eps = [];  // empty transitions
    internal readonly List<int> Entry = [];      // the entry a final state accepts, or -1

    /// <summary>Creates an automaton with only its start state.</summary>
    public DigitNfa() => NewState();

    /// <summary>The number of entries added.</summary>
    public int Entries { get; private set; }

    /// <summary>Adds <paramref name="pattern"/> as the next entry (numbered from 0) and returns its number.</summary>
    public int Add(string pattern)
    {
        var parser = new Parser(this, pattern);
        var (start, end) = parser.Alternation();
        if (parser.Position != pattern.Length) throw new FormatException($"unexpected '{pattern[parser.Position]}' at {parser.Position}");
        Eps[0].Add(start);
        Entry[end] = Entries;
        return Entries++;
    }

    private int NewState()
    {
        Mask.Add(0);
        Next.Add(-1);
        Eps.Add([]);
        Entry.Add(-1);
        return Mask.Count - 1;
    }

    /// <summary>Recursive descent that emits states as it reads; repeats re-read their operand to copy it.</summary>
    private sealed class Parser(DigitNfa nfa, string pattern)
    {
        public int Position;

        public (int Start, int End) Alternation()
        {
            var first = Sequence();
            if (Peek() != '|') return first;
            int start = nfa.NewState(), end = nfa.NewState();
            nfa.Eps[start].Add(first.Start);
            nfa.Eps[first.End].Add(end);
            while (Peek() == '|')
            {
                Position++;
                var next = Sequence();
                nfa.Eps[start].Add(next.Start);
                nfa.Eps[next.End].Add(end);
            }
            return (start, end);
        }

        private (int Start, int End) Sequence()
        {
            var start = nfa.NewState();
            var end = start;
            while (Position < pattern.Length && Peek() is not ('|' or ')'))
            {
                var piece = Repeated();
                nfa.Eps[end].Add(piece.Start);
                end = piece.End;
            }
            return (start, end);
        }

        private (int Start, int End) Repeated()
        {
            var atomAt = Position;
            var atom = Atom();
            var (min, max) = Quantifier();
            if (min == 1 && max == 1) return atom;
            var afterQuantifier = Position;
            // Copies of the operand: the first is already built; later ones are read again from its text.
            var start = nfa.NewState();
            var end = start;
            var copies = new List<(int Start, int End)>();
            for (var k = 0; k < Math.Max(min, max < 0 ? min + 1 : max); k++)
            {
                if (k == 0) copies.Add(atom);
                else
                {
                    Position = atomAt;
                    copies.Add(Atom());
                }
            }
            Position = afterQuantifier;
            var final = nfa.NewState();
            for (var k = 0; k < copies.Count; k++)
            {
                if (k >= min) nfa.Eps[end].Add(final); // optional from here on
                nfa.Eps[end].Add(copies[k].Start);
                end = copies[k].End;
            }
            if (max < 0) nfa.Eps[end].Add(copies[^1].Start); // unbounded: the last copy loops
            nfa.Eps[end].Add(final);
            return (start, final);
        }

        private (int Min, int Max) Quantifier()
        {
            switch (Peek())
            {
                case '?': Position++; return (0, 1);
                case '*': Position++; return (0, -1);
                case '+': Position++; return (1, -1);
                case '{':
                    Position++;
                    var min = Number();
                    var max = min;
                    if (Peek() == ',')
                    {
                        Position++;
                        max = Peek() == '}' ? -1 : Number();
                    }
                    Expect('}');
                    if (max >= 0 && max < min || max > 64) throw new FormatException("bad repeat");
                    return (min, max);
                default: return (1, 1);
            }
        }

        private (int Start, int End) Atom()
        {
            var c = Peek();
            if (c == '(')
            {
                Position++;
                if (Peek() == '?')
                {
                    Position++;
                    Expect(':');
                }
                var inner = Alternation();
                Expect(')');
                return inner;
            }
            int mask;
            if (c == '[') mask = Class();
            else if (char.IsAsciiDigit(c))
            {
                Position++;
                mask = 1 << (c - '0');
            }
            else if (c == '\\' && Position + 1 < pattern.Length && pattern[Position + 1] == 'd')
            {
                Position += 2;
                mask = 0x3FF;
            }
            else throw new FormatException($"unsupported '{c}' at {Position}");
            int from = nfa.NewState(), to = nfa.NewState();
            nfa.Mask[from] = mask;
            nfa.Next[from] = to;
            return (from, to);
        }

        private int Class()
        {
            Expect('[');
            if (Peek() == '^') throw new FormatException("negated class");
            var mask = 0;
            while (Peek() != ']')
            {
                var low = Digit();
                var high = low;
                if (Peek() == '-')
                {
                    Position++;
                    high = Digit();
                }
                for (var d = low; d <= high; d++) mask |= 1 << d;
            }
            Position++;
            return mask;
        }

        private int Digit()
        {
            var c = Peek();
            if (!char.IsAsciiDigit(c)) throw new FormatException($"unsupported '{c}' in a class");
            Position++;
            return c - '0';
        }

        private int Number()
        {
            var start = Position;
            while (char.IsAsciiDigit(Peek())) Position++;
            if (Position == start) throw new FormatException("number expected");
            return int.Parse(pattern.AsSpan(start, Position - start), provider: System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Expect(char c)
        {
            if (Peek() != c) throw new FormatException($"'{c}' expected at {Position}");
            Position++;
        }

        private char Peek() => Position < pattern.Length ? pattern[Position] : '\0';
    }
}
