using System.Buffers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// A recognizer's gate words (see <see cref="TextAround.HasContextBefore"/>) with a whole-text check: when no word of
/// the text is a gate word, no candidate of that text can pass the gate, so a recognizer whose every result needs
/// one skips the text with one vectorised search instead of visiting its digit runs (a log holds thousands of
/// runs and rarely the word "passport").
/// </summary>
internal sealed class ContextGate
{
    private readonly SearchValues<string> _search;

    /// <summary>Prepares <paramref name="words"/> (lower-case ASCII letters, as <see cref="TextAround.HasContextBefore"/> takes them).</summary>
    public ContextGate(string[] words)
    {
        if (words.Length == 0 || words.Any(w => w.Length == 0 || !w.All(char.IsAsciiLetterLower)))
            throw new ArgumentException("Gate words are non-empty lower-case ASCII words.", nameof(words));
        Words = words;
        _search = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The words, for <see cref="TextAround.HasContextBefore"/>.</summary>
    public string[] Words { get; }

    /// <summary>
    /// False only when <see cref="TextAround.HasContextBefore"/> with these words is false at every position of
    /// <paramref name="text"/>: no run of letters in it equals a gate word, or a gate word and a plural "s"
    /// (ignoring case). Texts with a non-ASCII character answer true (Unicode letters and case folding are left
    /// to the exact check).
    /// </summary>
    public bool MayPass(string text)
    {
        var span = text.AsSpan();
        if (!System.Text.Ascii.IsValid(span)) return true;
        var from = 0;
        while (from < span.Length)
        {
            var hit = span[from..].IndexOfAny(_search);
            if (hit < 0) return false;
            var start = from + hit;
            while (start > 0 && char.IsAsciiLetter(span[start - 1])) start--;
            var end = from + hit;
            while (end < span.Length && char.IsAsciiLetter(span[end])) end++;
            if (IsGateWord(span[start..end])) return true;
            from = end; // the rest of this word gives the same answer
        }
        return false;
    }

    /// <summary>The comparison of <see cref="TextAround.HasContextBefore"/> for one word.</summary>
    private bool IsGateWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 24) return false;
        foreach (var w in Words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
            if (word.Length == w.Length + 1 && (word[^1] is 's' or 'S') && word[..^1].Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
