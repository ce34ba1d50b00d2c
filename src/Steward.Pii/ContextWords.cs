namespace Steward.Pii;

/// <summary>
/// A recognizer's context entries prepared for <see cref="ContextEnhancer"/>: each entry split into normalized
/// words, and the set of all those words (with and without a plural "s") so most results, which have no context
/// word near them, are ruled out without allocating.
/// </summary>
internal sealed class ContextWords
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

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
            var word = text.AsSpan(start, length).Trim("'\u2019");
            if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)) word = word[..^2];
            if (word.IsEmpty) continue;
            if (!System.Text.Ascii.IsValid(word)) return true; // leave non-ASCII case folding to the exact comparison
            if (_words.Contains(word)) return true;
            if (word.Length > 1 && word[^1] is 's' or 'S' && _words.Contains(word[..^1])) return true;
        }
        return false;
    }
}
