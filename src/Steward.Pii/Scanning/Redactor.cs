using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>
/// Replaces detected spans by <c>&lt;ENTITY_TYPE&gt;</c> (overlapping results merge into one span named after the
/// best-scoring one), for redacted copies and report samples.
/// </summary>
internal static class Redactor
{
    private const int SampleContext = 32;

    /// <summary>The text with every result replaced; the text itself when there are none.</summary>
    public static string Redact(string text, ReadOnlySpan<Finding> results)
    {
        if (results.IsEmpty) return text;
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, type) in Merge(results))
        {
            sb.Append(text, at, start - at).Append('<').Append(type).Append('>');
            at = end;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// An excerpt around <paramref name="focus"/>: every result replaced, other digits shown as <c>#</c>, control
    /// characters as spaces, cut to a few words either side. No character of a detected span survives.
    /// </summary>
    public static string Sample(string text, ReadOnlySpan<Finding> results, in Finding focus)
    {
        var from = Math.Max(0, focus.Start - SampleContext);
        var to = Math.Min(text.Length, focus.End + SampleContext);
        if (from > 0 && char.IsLowSurrogate(text[from])) from--; // never cut a surrogate pair (JSON cannot carry half of one)
        if (to < text.Length && char.IsLowSurrogate(text[to])) to++;
        var sb = new StringBuilder(to - from + 16);
        if (from > 0) sb.Append('…');
        var at = from;
        foreach (var (start, end, type) in Merge(results))
        {
            if (end <= from || start >= to) continue;
            if (start > at) AppendMasked(sb, text, at, start);
            sb.Append('<').Append(type).Append('>');
            at = Math.Max(at, end);
        }
        if (at < to) AppendMasked(sb, text, at, to);
        if (to < text.Length) sb.Append('…');
        return sb.ToString();
    }

    private static void AppendMasked(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            sb.Append(char.IsDigit(c) ? '#' : char.IsControl(c) ? ' ' : c);
        }
    }

    /// <summary>Non-overlapping spans in text order (results arrive sorted by start).</summary>
    public static List<(int Start, int End, string Type)> Merge(ReadOnlySpan<Finding> results)
    {
        var spans = new List<(int, int, string)>(results.Length);
        Finding[]? copy = null;
        if (results.Length > 1 && !IsSorted(results))
        {
            copy = [.. results.ToArray().OrderBy(r => r.Start)]; // stable, as before
            results = copy;
        }
        int start = -1, end = -1;
        string type = "";
        double score = -1;
        foreach (ref readonly var r in results)
        {
            if (r.Start < end)
            {
                end = Math.Max(end, r.End);
                if (r.Score > score) { score = r.Score; type = r.EntityType; }
                continue;
            }
            if (start >= 0) spans.Add((start, end, type));
            (start, end, type, score) = (r.Start, r.End, r.EntityType, r.Score);
        }
        if (start >= 0) spans.Add((start, end, type));
        return spans;
    }

    private static bool IsSorted(ReadOnlySpan<Finding> results)
    {
        for (var i = 1; i < results.Length; i++) if (results[i].Start < results[i - 1].Start) return false;
        return true;
    }
}
