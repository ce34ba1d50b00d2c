namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// A deterministic automaton over the ten digits, built from a <see cref="DigitNfa"/> by subset construction: one
/// table lookup per digit, no allocation. A state's <see cref="Run"/> answer is the set of entries (bit k for entry
/// k) whose pattern matches the whole input; <see cref="MatchesPrefix"/> says whether any entry matches a prefix
/// (libphonenumber's <c>lookingAt</c>, for leading-digit patterns). Construction throws
/// <see cref="InvalidOperationException"/> past <see cref="MaxStates"/> states.
/// </summary>
internal sealed class DigitDfa
{
    /// <summary>The most states a table may have.</summary>
    public const int MaxStates = 40_000;

    private readonly int[] _next;    // state * 10 + digit → state, or -1
    private readonly uint[] _accept; // per state: the entries matching the input read so far

    private DigitDfa(int[] next, uint[] accept)
    {
        _next = next;
        _accept = accept;
    }

    /// <summary>The number of states.</summary>
    public int States => _accept.Length;

    /// <summary>Builds the table of <paramref name="nfa"/> (at most 32 entries).</summary>
    public static DigitDfa Build(DigitNfa nfa)
    {
        if (nfa.Entries > 32) throw new InvalidOperationException("too many entries");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<int[]>();
        var next = new List<int>();
        var accept = new List<uint>();
        int Intern(SortedSet<int> closure)
        {
            var key = string.Join(',', closure);
            if (ids.TryGetValue(key, out var id)) return id;
            if (sets.Count == MaxStates) throw new InvalidOperationException("too many states");
            id = sets.Count;
            ids[key] = id;
            sets.Add([.. closure]);
            uint bits = 0;
            foreach (var s in closure) if (nfa.Entry[s] >= 0) bits |= 1u << nfa.Entry[s];
            accept.Add(bits);
            for (var d = 0; d < 10; d++) next.Add(-1);
            return id;
        }
        Intern(Closure(nfa, [0]));
        for (var state = 0; state < sets.Count; state++)
        {
            for (var d = 0; d < 10; d++)
            {
                var moved = new List<int>();
                foreach (var s in sets[state]) if ((nfa.Mask[s] & (1 << d)) != 0) moved.Add(nfa.Next[s]);
                if (moved.Count == 0) continue;
                next[state * 10 + d] = Intern(Closure(nfa, moved));
            }
        }
        return new DigitDfa([.. next], [.. accept]);
    }

    private static SortedSet<int> Closure(DigitNfa nfa, List<int> from)
    {
        var set = new SortedSet<int>();
        var stack = new Stack<int>(from);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!set.Add(s)) continue;
            foreach (var t in nfa.Eps[s]) stack.Push(t);
        }
        // Only states that read a digit or accept matter to the subset's identity.
        set.RemoveWhere(s => nfa.Mask[s] == 0 && nfa.Entry[s] < 0);
        return set;
    }

    /// <summary>The digits a match can start with (bit d for digit d; all ten when the empty input matches).</summary>
    public int FirstDigits()
    {
        if (_accept[0] != 0) return 0x3FF;
        var mask = 0;
        for (var d = 0; d < 10; d++) if (_next[d] >= 0) mask |= 1 << d;
        return mask;
    }

    /// <summary>The entries whose pattern matches all of <paramref name="digits"/> (ASCII digits only).</summary>
    public uint Run(ReadOnlySpan<char> digits)
    {
        var state = 0;
        var next = _next;
        foreach (var c in digits)
        {
            state = next[state * 10 + (c - '0')];
            if (state < 0) return 0;
        }
        return _accept[state];
    }

    /// <summary>True when some entry matches a prefix of <paramref name="digits"/> (the empty prefix included).</summary>
    public bool MatchesPrefix(ReadOnlySpan<char> digits)
    {
        var state = 0;
        if (_accept[0] != 0) return true;
        foreach (var c in digits)
        {
            state = _next[state * 10 + (c - '0')];
            if (state < 0) return false;
            if (_accept[state] != 0) return true;
        }
        return false;
    }
}
