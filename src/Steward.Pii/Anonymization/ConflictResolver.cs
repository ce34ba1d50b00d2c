namespace Steward.Pii.Anonymization;

/// <summary>
/// Presidio's anonymizer conflict handling, step for step, so the same input gives the same output:
/// <list type="number">
/// <item>in input order, a span overlapping a later span of the same type is merged into it (the later span widens
/// to cover both and takes the higher score) and dropped;</item>
/// <item>a span at the same position as another with a lower or equal score, or contained in another, is dropped;</item>
/// <item>with <see cref="ConflictResolution.RemoveIntersections"/>, partial overlaps are trimmed by score;</item>
/// <item>neighbouring spans of the same type separated only by spaces are joined into one.</item>
/// </list>
/// </summary>
internal static class ConflictResolver
{
    public static List<WorkingSpan> Resolve(string text, IEnumerable<EntitySpan> spans, ConflictResolution resolution)
    {
        var input = spans.Select(s => new WorkingSpan(s)).ToList();
        var unique = RemoveConflicts(input);
        if (resolution == ConflictResolution.RemoveIntersections) unique = RemoveIntersections(unique);
        return MergeAcrossSpaces(text, unique);
    }

    private static List<WorkingSpan> RemoveConflicts(List<WorkingSpan> input)
    {
        var merged = new List<WorkingSpan>(input.Count);
        var others = new List<WorkingSpan>(input);
        foreach (var span in input)
        {
            others.Remove(span);
            var target = others.FirstOrDefault(o => o.EntityType == span.EntityType && span.Intersects(o) != 0);
            if (target is not null)
            {
                target.Start = Math.Min(span.Start, target.Start);
                target.End = Math.Max(span.End, target.End);
                target.Score = Math.Max(span.Score, target.Score);
                continue;
            }
            others.Add(span);
            merged.Add(span);
        }

        var unique = new List<WorkingSpan>(merged.Count);
        others = [.. merged];
        foreach (var span in merged)
        {
            others.Remove(span);
            if (others.Any(span.ConflictsWith)) continue;
            others.Add(span);
            unique.Add(span);
        }
        return unique;
    }

    private static List<WorkingSpan> RemoveIntersections(List<WorkingSpan> spans)
    {
        var sorted = spans.OrderBy(s => s.Start).ToList();
        var i = 0;
        // Presidio's loop settles after a few passes per pair; the bound only guards against a pathological input.
        var budget = 16L * (sorted.Count + 1) * (sorted.Count + 1);
        while (i < sorted.Count - 1 && budget-- > 0)
        {
            var current = sorted[i];
            var next = sorted[i + 1];
            if (current.End <= next.Start)
            {
                i++;
                continue;
            }
            if (current.Score >= next.Score) next.Start = current.End;
            else current.End = next.Start;
            sorted = [.. sorted.OrderBy(s => s.Start)];
        }
        return [.. sorted.Where(s => s.Start <= s.End)];
    }

    private static List<WorkingSpan> MergeAcrossSpaces(string text, List<WorkingSpan> spans)
    {
        var result = new List<WorkingSpan>(spans.Count);
        WorkingSpan? previous = null;
        foreach (var span in spans)
        {
            if (previous is not null && previous.EntityType == span.EntityType && OnlySpaces(text, previous.End, span.Start))
            {
                result.Remove(previous);
                span.Start = previous.Start;
            }
            result.Add(span);
            previous = span;
        }
        return result;
    }

    private static bool OnlySpaces(string text, int from, int to)
    {
        if (from < 0 || to > text.Length || to <= from) return false;
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ') return false;
        }
        return true;
    }
}
