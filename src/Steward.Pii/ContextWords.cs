namespace Steward.Pii;

/// <summary>
/// A recognizer's context entries prepared for <see cref="ContextEnhancer"/>: each entry split into normalized
/// words, and the set of all those words (with and without a plural "s") so most results, which have no context
/// word near them, are ruled out without allocating.
/// </summary>
internal sealed class ContextWords
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly ulong _lengths; // bit n: some word has n characters (63: 63 or more)
    private readonly ulong _firsts; // bit per first character: a-z folded, digits, the rest on one bit

    private static ulong FirstBit(char c) => c switch
    {
        >= 'a' and <= 'z' => 1UL << (c - 'a'),
        >= 'A' and <= 'Z' => 1UL << (c - 'A'),
        >= '0' and <= '9' => 1UL << (26 + c - '0'),
        _ => 1UL << 63,
    };

    /// <summary>False when no word of the set can equal <paramref name="word"/> or <paramref name="word"/> less a final "s".</summary>
    private bool Possible(ReadOnlySpan<char> word) =>
        (_firsts & FirstBit(word[0])) != 0
        && (_lengths & ((1UL << Math.Min(word.Length, 63)) | (1UL << Math.Min(word.Length - 1, 63)))) != 0;

    private ContextWords(string[][] phrases)
    {
        Phrases = phrases;
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases)
        {
            foreach (var word in phrase)
            {
                words.Add(word);
                if (word.Length > 1 && word[^1] == 's') words.Add(word[..^1]);
            }
        }
        foreach (var word in words)
        {
            _lengths |= 1UL << Math.Min(word.Length, 63);
            _firsts |= FirstBit(word[0]);
        }
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The entries, each split into normalized words.</summary>
    public string[][] Phrases { get; }

    /// <summary>Prepares <paramref name="entries"/>.</summary>
    public static ContextWords Create(IReadOnlyList<string> entries) =>
        new([.. entries.Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ContextEnhancer.Normalize).ToArray())]);

    /// <summary>
    /// False only when no word of <paramref name="window"/> can equal a context word (whole, case-insensitive,
    /// possessive and plural "s" aside); true means the exact comparison must run.
    /// </summary>
    public bool MayMatch(string text, ReadOnlySpan<(int Start, int Length)> window)
    {
        foreach (var (start, length) in window)
        {
            var word = text.AsSpan(start, length);
            if (!IsPlainAscii(word)) // most words are ASCII letters and digits: nothing to trim, nothing to fold
            {
                word = word.Trim("'\u2019");
                if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)) word = word[..^2];
                if (word.IsEmpty) continue;
                if (!System.Text.Ascii.IsValid(word)) return true; // leave non-ASCII case folding to the exact comparison
            }
            if (!Possible(word)) continue; // most words: no context word starts so or is so long
            if (_words.Contains(word)) return true;
            if (word.Length > 1 && word[^1] is 's' or 'S' && _words.Contains(word[..^1])) return true;
        }
        return false;
    }

    /// <summary>True for a non-empty word of ASCII characters without an apostrophe (the window's words hold no other punctuation).</summary>
    private static bool IsPlainAscii(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        foreach (var c in word)
        {
            if (c >= 128 || c == '\'') return false;
        }
        return true;
    }
}
