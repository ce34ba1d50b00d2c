using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>Small checks on the characters and words around a candidate, shared by the pattern recognizers.</summary>
internal static class TextAround
{
    /// <summary>The character at <paramref name="index"/>, or NUL outside the text.</summary>
    public static char At(string text, int index) => (uint)index < (uint)text.Length ? text[index] : '\0';

    /// <summary>True when no letter or digit touches the span on either side.</summary>
    public static bool IsWordBounded(string text, int start, int end) =>
        !Tokenizer.IsWordChar(At(text, start - 1)) && !Tokenizer.IsWordChar(At(text, end));

    /// <summary>The end of the run of ASCII letters and digits starting at <paramref name="start"/>.</summary>
    public static int AlnumEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
        return i;
    }

    /// <summary>The start of the run of ASCII letters and digits ending at <paramref name="end"/>.</summary>
    public static int AlnumStart(string text, int end)
    {
        var i = end;
        while (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])) i--;
        return i;
    }

    /// <summary>Counts the ASCII digits in a span.</summary>
    public static int CountDigits(ReadOnlySpan<char> span)
    {
        var n = 0;
        foreach (var c in span) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    /// <summary>
    /// True when one of <paramref name="words"/> (lower-case, compared whole, a trailing plural "s" or "#"
    /// ignored) is among the <paramref name="maxWords"/> words before <paramref name="start"/>. Recognizers
    /// whose weak forms are too common to report alone use this to require context.
    /// </summary>
    public static bool HasContextBefore(string text, int start, IReadOnlyList<string> words, int maxWords = 5)
    {
        var i = start - 1;
        for (var seen = 0; seen < maxWords && i >= 0; seen++)
        {
            while (i >= 0 && !char.IsLetter(text[i]))
            {
                if (text[i] is '\n' && seen > 0) return false;
                i--;
            }
            if (i < 0) return false;
            var end = i + 1;
            while (i >= 0 && char.IsLetter(text[i])) i--;
            var word = text.AsSpan(i + 1, end - i - 1);
            if (word.Length > 24) continue;
            foreach (var w in words)
            {
                if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
                if (word.Length == w.Length + 1 && (word[^1] is 's' or 'S') && word[..^1].Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }
}
