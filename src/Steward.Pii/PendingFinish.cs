using System.Text.RegularExpressions;

namespace Steward.Pii;

/// <summary>
/// The engine's per-result stages on the sink's structs: allow list, context words, duplicate removal,
/// threshold and order, building <see cref="RecognizerResult"/> objects only for the results returned.
/// Duplicate removal only drops a result lying within a better one of the same type, so when no two results
/// of one type overlap (the common case, checked in one pass over the results in position order) it keeps
/// every result with a score above 0; otherwise the results go through <see cref="AnalyzerEngine.RemoveDuplicates"/>.
/// </summary>
internal static class PendingFinish
{
    public static List<RecognizerResult> Run(ContextEnhancer enhancer, string text, AnalyzeOptions options, ResultSink sink, Regex? allowRegex) =>
        Run(enhancer, text, options, sink, allowRegex, null)!;

    /// <summary>
    /// As <see cref="Run(ContextEnhancer, string, AnalyzeOptions, ResultSink, Regex?)"/>, but with <paramref name="into"/>
    /// the survivors are appended there as <see cref="Finding"/>s, in the same order, and null is returned.
    /// </summary>
    public static List<RecognizerResult>? Run(ContextEnhancer enhancer, string text, AnalyzeOptions options, ResultSink sink, Regex? allowRegex, List<Finding>? into)
    {
        var pending = sink.Pending;
        var allowExact = AnalyzerEngine.AllowExact(options);
        var n = 0;
        for (var i = 0; i < pending.Length; i++)
        {
            if (AnalyzerEngine.IsDropped(text, pending[i].Start, pending[i].End, allowExact, allowRegex)) continue;
            if (n != i) pending[n] = pending[i];
            n++;
        }
        var live = pending[..n];
        enhancer.Enhance(text, live, options.NormalizedContext);
        var order = sink.Scratch.Order(live);
        if (OverlapWithinType(live, order, sink.Scratch.Types))
        {
            var kept = Fallback(live, order, options.ScoreThreshold);
            if (into is null) return kept;
            foreach (var r in kept) into.Add(Finding.Of(r));
            return null;
        }
        if (into is null) return Keep(live, order, options.ScoreThreshold);
        foreach (var i in order)
        {
            ref readonly var r = ref live[i];
            if (r.Score > 0 && r.Score >= options.ScoreThreshold) into.Add(new Finding(r.EntityType, r.Start, r.End, r.Score));
        }
        return null;
    }

    /// <summary>True when two results of one entity type share a character (<paramref name="order"/>: position order).</summary>
    private static bool OverlapWithinType(ReadOnlySpan<PendingResult> live, ReadOnlySpan<int> order, string?[] types)
    {
        Span<int> furthest = stackalloc int[types.Length];
        var count = 0;
        foreach (var i in order)
        {
            ref readonly var r = ref live[i];
            var t = 0;
            while (t < count && !ReferenceEquals(types[t], r.EntityType) && !string.Equals(types[t], r.EntityType, StringComparison.Ordinal)) t++;
            if (t == count)
            {
                if (count == types.Length) return true; // many types at once: let the general algorithm decide
                types[count] = r.EntityType;
                furthest[count++] = r.End;
                continue;
            }
            if (r.Start < furthest[t]) return true;
            furthest[t] = r.End;
        }
        return false;
    }

    private static List<RecognizerResult> Keep(ReadOnlySpan<PendingResult> live, ReadOnlySpan<int> order, double threshold)
    {
        var results = new List<RecognizerResult>(live.Length);
        foreach (var i in order)
        {
            ref readonly var r = ref live[i];
            if (r.Score > 0 && r.Score >= threshold) results.Add(r.ToResult());
        }
        return results;
    }

    private static List<RecognizerResult> Fallback(ReadOnlySpan<PendingResult> live, ReadOnlySpan<int> order, double threshold)
    {
        var all = new List<RecognizerResult>(live.Length);
        foreach (var i in order) all.Add(live[i].ToResult());
        var results = AnalyzerEngine.RemoveDuplicates(all);
        results.RemoveAll(r => r.Score < threshold);
        results.Sort(ResultOrder.Compare);
        return results;
    }
}
