using System.Collections.Concurrent;

namespace Steward.Pii;

/// <summary>
/// A request's extra context words, normalized (<see cref="ContextEnhancer.NormalizeRequest"/>), and per recognizer
/// the first of its context entries they contain: that part of the context check does not depend on the text, so a
/// dataset column's cells share one answer per recognizer. Thread-safe.
/// </summary>
internal sealed class RequestContext(string[] words)
{
    private ConcurrentDictionary<Recognizer, int>? _firstHits;

    /// <summary>The normalized words.</summary>
    public string[] Words { get; } = words;

    /// <summary>The index of the first of <paramref name="source"/>'s context entries found in <see cref="Words"/>, or -1.</summary>
    public int FirstHit(Recognizer source)
    {
        if (Words.Length == 0) return -1;
        var hits = _firstHits ?? Interlocked.CompareExchange(ref _firstHits, new ConcurrentDictionary<Recognizer, int>(), null) ?? _firstHits;
        return hits.GetOrAdd(source, static (recognizer, words) => ContextEnhancer.FirstEntryIn(recognizer, words), Words);
    }
}
