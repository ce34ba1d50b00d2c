namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Joins places that follow each other with only a comma or spaces between ("Cascavel, Brazil", "Lyon France"):
/// one place written in parts is one LOCATION, as labelled data counts it.
/// </summary>
internal static class LocationMerger
{
    /// <summary>The results in token order, adjacent LOCATION results joined.</summary>
    public static List<NameSpan> Merge(NameScan s)
    {
        var results = s.Results;
        if (results.Count < 2) return results;
        results.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<NameSpan>(results.Count);
        foreach (var r in results)
        {
            if (merged.Count > 0 && merged[^1] is { Entity: PiiEntities.Location } prev && r.Entity == PiiEntities.Location
                && prev.Last + 1 == r.First && Joinable(s.GapBefore(r.First)))
            {
                merged[^1] = prev with { Last = r.Last, Score = Math.Max(prev.Score, r.Score), Rule = s.Explains ? prev.Rule + " + " + r.Rule : prev.Rule };
                continue;
            }
            merged.Add(r);
        }
        return merged;
    }

    private static bool Joinable(ReadOnlySpan<char> gap)
    {
        var commas = 0;
        foreach (var c in gap)
        {
            if (c == ',') { if (++commas > 1) return false; continue; }
            if (c is not (' ' or '\u00A0')) return false;
        }
        return true;
    }
}
