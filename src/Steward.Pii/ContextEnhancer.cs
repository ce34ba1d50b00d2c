using Steward.Pii.Text;

namespace Steward.Pii;

/// <summary>
/// Raises the score of a result when one of its recognizer's context words stands among the few words before
/// it (or in the request's extra context), as Presidio's context-aware enhancer does. Unlike Presidio, words
/// are compared whole (case-insensitive, ignoring a possessive "'s" and a plural "s"), so "lic" does not match
/// "public"; a context entry of several words matches those words in sequence.
/// </summary>
public sealed class ContextEnhancer(ContextEnhancerOptions? options = null)
{
    private readonly ContextEnhancerOptions _options = options ?? new ContextEnhancerOptions();

    /// <summary>Enhances <paramref name="results"/> in place; <paramref name="sourceOf"/> gives each result's recognizer.</summary>
    public void Enhance(string text, IReadOnlyList<RecognizerResult> results, Func<int, Recognizer> sourceOf, IReadOnlyList<string> requestContext)
    {
        var request = requestContext.Select(Normalize).Where(w => w.Length > 0).ToArray();
        Span<(int Start, int Length)> window = stackalloc (int, int)[Math.Max(1, _options.PrefixCount + _options.SuffixCount)];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (result.ContextApplied || result.Score >= 1.0) continue;
            var words = sourceOf(i).Context;
            if (words.Count == 0) continue;
            var count = CollectWindow(text, result, window);
            var entries = Phrases.GetValue(words, ContextWords.Create);
            if (request.Length == 0 && !entries.MayMatch(text, window[..count])) continue; // the common case, without allocating
            var hit = FindHit(text, window[..count], words, entries.Phrases, request);
            if (hit is null) continue;
            var boosted = Math.Min(1.0, Math.Max(result.Score + _options.SimilarityFactor, _options.MinScoreWithContext));
            result.Explanation.ScoreContextImprovement = boosted - result.Score;
            result.Explanation.SupportiveContextWord = hit;
            result.Explanation.Score = boosted;
            result.Score = boosted;
            result.ContextApplied = true;
        }
    }

    private int CollectWindow(string text, RecognizerResult result, Span<(int Start, int Length)> window)
    {
        // Words before the result, collected nearest first, then reversed so phrases read in order.
        var n = 0;
        var i = result.Start - 1;
        while (n < _options.PrefixCount && i >= 0)
        {
            while (i >= 0 && !Tokenizer.IsWordChar(text[i])) i--;
            if (i < 0) break;
            var end = i + 1;
            while (i >= 0 && (Tokenizer.IsWordChar(text[i]) || text[i] == '\'' || text[i] == '\u2019')) i--;
            window[n++] = (i + 1, end - i - 1);
        }
        window[..n].Reverse();
        var j = result.End;
        for (var k = 0; k < _options.SuffixCount && j < text.Length; k++)
        {
            while (j < text.Length && !Tokenizer.IsWordChar(text[j])) j++;
            if (j >= text.Length) break;
            var start = j;
            while (j < text.Length && (Tokenizer.IsWordChar(text[j]) || text[j] == '\'' || text[j] == '\u2019')) j++;
            window[n++] = (start, j - start);
        }
        return n;
    }

    private static string? FindHit(string text, ReadOnlySpan<(int Start, int Length)> window, IReadOnlyList<string> contextWords, string[][] phrases, string[] request)
    {
        var normalized = new string[window.Length];
        for (var k = 0; k < window.Length; k++) normalized[k] = Normalize(text.Substring(window[k].Start, window[k].Length));
        for (var e = 0; e < phrases.Length; e++)
        {
            var parts = phrases[e];
            if (parts.Length == 0) continue;
            if (ContainsSequence(normalized, parts) || ContainsSequence(request, parts)) return contextWords[e];
        }
        return null;
    }

    /// <summary>Each recognizer's context entries, prepared once per list.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, ContextWords> Phrases = [];

    private static bool ContainsSequence(string[] words, string[] phrase)
    {
        for (var s = 0; s + phrase.Length <= words.Length; s++)
        {
            var all = true;
            for (var p = 0; p < phrase.Length && all; p++) all = SameWord(words[s + p], phrase[p]);
            if (all) return true;
        }
        return false;
    }

    private static bool SameWord(string a, string b) =>
        a == b || (a.Length == b.Length + 1 && a[^1] == 's' && a.StartsWith(b, StringComparison.Ordinal))
               || (b.Length == a.Length + 1 && b[^1] == 's' && b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>Lower-cases a word and drops a possessive ending and surrounding punctuation.</summary>
    internal static string Normalize(string word)
    {
        var w = word.Trim().Trim('\'', '\u2019', '"', '.', ',', ':', ';', '#', '(', ')').ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal)) w = w[..^2];
        return w;
    }
}
