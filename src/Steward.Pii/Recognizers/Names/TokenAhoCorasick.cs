namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// An Aho–Corasick automaton over symbol sequences (word ids), so multi-word gazetteer entries ("ústí nad labem",
/// "united kingdom") are found in one left-to-right pass over the tokens, overlapping matches included. Symbols
/// are non-negative; a negative symbol (an unknown word) matches nothing. Build once, then read from any thread.
/// </summary>
internal sealed class TokenAhoCorasick
{
    private readonly Dictionary<long, int> _goto = [];
    private readonly List<int> _fail = [0];
    private readonly List<int> _value = [-1];
    private readonly List<int> _depth = [0];
    private readonly List<int> _outputLink = [-1];
    private bool _built;

    /// <summary>The number of states.</summary>
    public int StateCount => _fail.Count;

    /// <summary>Adds a pattern with its value (the last value added wins for identical patterns).</summary>
    public void Add(ReadOnlySpan<int> symbols, int value)
    {
        if (_built) throw new InvalidOperationException("the automaton is already built");
        if (symbols.IsEmpty) throw new ArgumentException("a pattern has at least one symbol", nameof(symbols));
        var state = 0;
        foreach (var symbol in symbols)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(symbol);
            var key = Key(state, symbol);
            if (!_goto.TryGetValue(key, out var next))
            {
                next = _fail.Count;
                _fail.Add(0);
                _value.Add(-1);
                _depth.Add(_depth[state] + 1);
                _outputLink.Add(-1);
                _goto[key] = next;
            }
            state = next;
        }
        _value[state] = value;
    }

    /// <summary>Computes failure and output links (breadth first).</summary>
    public void Build()
    {
        var children = new List<(int Symbol, int Child)>[_fail.Count];
        foreach (var (key, child) in _goto) (children[(int)(key >> 32)] ??= []).Add(((int)(key & 0xFFFFFFFF), child));
        var queue = new Queue<int>();
        if (children[0] is { } top) foreach (var (_, child) in top) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (children[state] is not { } list) continue;
            foreach (var (symbol, child) in list)
            {
                var f = _fail[state];
                int target;
                while (!_goto.TryGetValue(Key(f, symbol), out target) && f != 0) f = _fail[f];
                if (!_goto.TryGetValue(Key(f, symbol), out target) || target == child) target = 0;
                _fail[child] = target;
                _outputLink[child] = _value[target] >= 0 ? target : _outputLink[target];
                queue.Enqueue(child);
            }
        }
        _built = true;
    }

    /// <summary>
    /// Reports every match: <paramref name="onMatch"/> gets (index of the first symbol, number of symbols, value).
    /// </summary>
    public void Match<TState>(ReadOnlySpan<int> symbols, ref TState state, MatchHandler<TState> onMatch)
    {
        if (!_built) throw new InvalidOperationException("call Build first");
        var s = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            var symbol = symbols[i];
            if (symbol < 0) { s = 0; continue; }
            int next;
            while (!_goto.TryGetValue(Key(s, symbol), out next) && s != 0) s = _fail[s];
            s = _goto.TryGetValue(Key(s, symbol), out next) ? next : 0;
            for (var o = _value[s] >= 0 ? s : _outputLink[s]; o > 0; o = _outputLink[o])
            {
                var length = _depth[o];
                onMatch(ref state, i - length + 1, length, _value[o]);
            }
        }
    }

    /// <summary>Receives one match.</summary>
    public delegate void MatchHandler<TState>(ref TState state, int start, int length, int value);

    private static long Key(int state, int symbol) => ((long)state << 32) | (uint)symbol;
}
