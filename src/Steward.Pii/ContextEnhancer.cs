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
        var request = new RequestContext(NormalizeRequest(requestContext));
        Span<(int Start, int Length)> window = stackalloc (int, int)[WindowSize];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (result.ContextApplied || result.Score >= 1.0) continue;
            var hit = FindContextWord(text, result.Start, result.End, sourceOf(i), request, window);
            if (hit is null) continue;
            var boosted = Boost(result.Score);
            result.Explanation.ScoreContextImprovement = boosted - result.Score;
            result.Explanation.SupportiveContextWord = hit;
            result.Explanation.Score = boosted;
            result.Score = boosted;
            result.ContextApplied = true;
        }
    }

    /// <summary>Enhances the engine's pending results in place (the same rules as the public overload, without objects).</summary>
    internal void Enhance(string text, Span<PendingResult> results, RequestContext request)
    {
        Span<(int Start, int Length)> window = stackalloc (int, int)[WindowSize];
        for (var i = 0; i < results.Length; i++)
        {
            ref var result = ref results[i];
            if (result.ContextWord is not null || result.Score >= 1.0 || result.Source.Context.Count == 0) continue;
            var hit = FindContextWord(text, result.Start, result.End, result.Source, request, window);
            if (hit is null) continue;
            result.Score = Boost(result.Score);
            result.ContextWord = hit;
        }
    }

    private int WindowSize => Math.Max(1, _options.PrefixCount + _options.SuffixCount);

    private double Boost(double score) => Math.Min(1.0, Math.Max(score + _options.SimilarityFactor, _options.MinScoreWithContext));

    /// <summary>The context entry of <paramref name="source"/> found around [start, end), or null.</summary>
    private string? FindContextWord(string text, int start, int end, Recognizer source, RequestContext request, Span<(int Start, int Length)> window)
    {
        var words = source.Context;
        if (words.Count == 0) return null;
        // The first entry is the answer when the request holds it; the request's part does not depend on the text, so
        // it is worked out once per recognizer, and only entries before it are looked for around the result.
        var requestHit = request.FirstHit(source);
        if (requestHit == 0) return words[0];
        var count = CollectWindow(text, start, end, window);
        var entries = source.ContextEntries;
        if (!entries.MayMatch(text, window[..count])) return requestHit < 0 ? null : words[requestHit]; // without allocating
        return FindHit(text, window[..count], words, entries.Phrases, requestHit);
    }

    /// <summary>The first of <paramref name="source"/>'s context entries that the request's words contain, or -1.</summary>
    internal static int FirstEntryIn(Recognizer source, string[] request)
    {
        var phrases = source.ContextEntries.Phrases;
        for (var e = 0; e < phrases.Length; e++)
        {
            if (phrases[e].Length > 0 && ContainsSequence(request, phrases[e])) return e;
        }
        return -1;
    }

    /// <summary>The request's extra context words, normalized (no allocation when there are none).</summary>
    internal static string[] NormalizeRequest(IReadOnlyList<string> requestContext)
    {
        if (requestContext.Count == 0) return [];
        var normalized = new List<string>(requestContext.Count);
        foreach (var word in requestContext)
        {
            var w = Normalize(word);
            if (w.Length > 0) normalized.Add(w);
        }
        return [.. normalized];
    }

    private int CollectWindow(string text, int resultStart, int resultEnd, Span<(int Start, int Length)> window)
    {
        // Words before the result, collected nearest first, then reversed so phrases read in order.
        var n = 0;
        var i = resultStart - 1;
        while (n < _options.PrefixCount && i >= 0)
        {
            while (i >= 0 && !Tokenizer.IsWordChar(text[i])) i--;
            if (i < 0) break;
            var end = i + 1;
            while (i >= 0 && (Tokenizer.IsWordChar(text[i]) || text[i] == '\'' || text[i] == '\u2019')) i--;
            window[n++] = (i + 1, end - i - 1);
        }
        window[..n].Reverse();
        var j = resultEnd;
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

    private static string? FindHit(string text, ReadOnlySpan<(int Start, int Length)> window, IReadOnlyList<string> contextWords, string[][] phrases, int requestHit)
    {
        // The window's words normalized into one buffer (no strings): at most a few dozen characters. Entries are
        // tried in order; the request's first entry (when it has one) ends the search.
        var total = 0;
        foreach (var (_, length) in window) total += length;
        char[]? rented = null;
        var buffer = total <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(total));
        try
        {
            Span<(int Start, int Length)> words = stackalloc (int, int)[window.Length];
            var at = 0;
            for (var k = 0; k < window.Length; k++)
            {
                var n = NormalizeInto(text.AsSpan(window[k].Start, window[k].Length), buffer[at..]);
                words[k] = (at, n);
                at += n;
            }
            var limit = requestHit >= 0 ? requestHit : phrases.Length;
            for (var e = 0; e < limit; e++)
            {
                var parts = phrases[e];
                if (parts.Length == 0) continue;
                if (ContainsSequence(buffer, words, parts)) return contextWords[e];
            }
            return requestHit >= 0 ? contextWords[requestHit] : null;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary><see cref="Normalize"/> into <paramref name="destination"/> (at least as long as <paramref name="word"/>); returns the length.</summary>
    private static int NormalizeInto(ReadOnlySpan<char> word, Span<char> destination)
    {
        var trimmed = word.Trim().Trim(TrimmedPunctuation);
        var n = trimmed.ToLowerInvariant(destination);
        var w = destination[..n];
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal)) n -= 2;
        return n;
    }

    private static bool ContainsSequence(ReadOnlySpan<char> buffer, ReadOnlySpan<(int Start, int Length)> words, string[] phrase)
    {
        for (var s = 0; s + phrase.Length <= words.Length; s++)
        {
            var all = true;
            for (var p = 0; p < phrase.Length && all; p++) all = SameWord(buffer.Slice(words[s + p].Start, words[s + p].Length), phrase[p]);
            if (all) return true;
        }
        return false;
    }

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

    private static bool SameWord(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.SequenceEqual(b) || (a.Length == b.Length + 1 && a[^1] == 's' && a.StartsWith(b, StringComparison.Ordinal))
               || (b.Length == a.Length + 1 && b[^1] == 's' && b.StartsWith(a, StringComparison.Ordinal));

    private const string TrimmedPunctuation = "'\u2019\".,:;#()";

    /// <summary>Lower-cases a word and drops a possessive ending and surrounding punctuation.</summary>
    internal static string Normalize(string word)
    {
        var w = word.AsSpan().Trim().Trim(TrimmedPunctuation).ToString().ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal)) w = w[..^2];
        return w;
    }
}
