namespace Steward.Pii.Evaluation;

/// <summary>
/// The span arithmetic of the evaluation: trimming surrounding whitespace and punctuation, intersection over
/// union, merging adjacent spans of one type, and one-to-one matching of predictions to gold spans.
/// </summary>
public static class SpanMatching
{
    /// <summary>The span without leading and trailing whitespace and punctuation; empty spans stay empty.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && IsFiller(text[start])) start++;
        while (end > start && IsFiller(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>Intersection over union of two spans after trimming both.</summary>
    public static double Overlap(string text, LabeledSpan a, LabeledSpan b)
    {
        var (s1, e1) = Trim(text, a.Start, a.End);
        var (s2, e2) = Trim(text, b.Start, b.End);
        if (e1 <= s1 || e2 <= s2) return 0;
        var intersection = Math.Min(e1, e2) - Math.Max(s1, s2);
        if (intersection <= 0) return 0;
        var union = Math.Max(e1, e2) - Math.Min(s1, s2);
        return (double)intersection / union;
    }

    /// <summary>
    /// Merges spans of the same type whose gap holds only whitespace and punctuation (or that overlap), so an
    /// address labelled line by line and one predicted as a block compare as equals.
    /// </summary>
    public static List<LabeledSpan> MergeAdjacent(string text, IEnumerable<LabeledSpan> spans)
    {
        var merged = new List<LabeledSpan>();
        foreach (var group in spans.GroupBy(s => s.EntityType, StringComparer.Ordinal))
        {
            LabeledSpan? current = null;
            foreach (var span in group.OrderBy(s => s.Start).ThenByDescending(s => s.End))
            {
                if (current is { } c && (span.Start <= c.End || OnlyFiller(text, c.End, span.Start)))
                {
                    current = c with { End = Math.Max(c.End, span.End) };
                    continue;
                }
                if (current is { } done) merged.Add(done);
                current = span;
            }
            if (current is { } last) merged.Add(last);
        }
        merged.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return merged;
    }

    /// <summary>
    /// Pairs predictions with gold spans of the same type, best overlap first, each used at most once; pairs at
    /// or above <paramref name="minOverlap"/> are hits. Returns the hit pairs as indexes into the two lists.
    /// </summary>
    public static List<(int Gold, int Predicted)> Match(string text, IReadOnlyList<LabeledSpan> gold, IReadOnlyList<LabeledSpan> predicted, double minOverlap)
    {
        var candidates = new List<(double Overlap, int Gold, int Predicted)>();
        for (var g = 0; g < gold.Count; g++)
        for (var p = 0; p < predicted.Count; p++)
        {
            if (!string.Equals(gold[g].EntityType, predicted[p].EntityType, StringComparison.Ordinal)) continue;
            var overlap = Overlap(text, gold[g], predicted[p]);
            if (overlap >= minOverlap) candidates.Add((overlap, g, p));
        }
        candidates.Sort((a, b) => b.Overlap.CompareTo(a.Overlap));
        var usedGold = new bool[gold.Count];
        var usedPredicted = new bool[predicted.Count];
        var hits = new List<(int, int)>();
        foreach (var (_, g, p) in candidates)
        {
            if (usedGold[g] || usedPredicted[p]) continue;
            usedGold[g] = usedPredicted[p] = true;
            hits.Add((g, p));
        }
        return hits;
    }

    private static bool OnlyFiller(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!IsFiller(text[i])) return false;
        }
        return true;
    }

    private static bool IsFiller(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);
}
