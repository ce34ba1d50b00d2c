namespace Steward.Pii;

/// <summary>Chooses one reading where results of different types overlap.</summary>
public static class ResultOverlaps
{
    /// <summary>
    /// Keeps a set of non-overlapping results: the best score first, then the longer span, then the earlier; a
    /// result overlapping one already kept is dropped. The answer is sorted by position.
    /// </summary>
    public static List<RecognizerResult> KeepBest(IEnumerable<RecognizerResult> results)
    {
        var kept = new List<RecognizerResult>();
        foreach (var r in results.OrderByDescending(r => r.Score).ThenByDescending(r => r.Length).ThenBy(r => r.Start))
        {
            if (!kept.Exists(k => k.Overlaps(r))) kept.Add(r);
        }
        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
