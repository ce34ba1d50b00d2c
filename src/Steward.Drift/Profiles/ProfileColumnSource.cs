namespace Steward.Drift.Profiles;

/// <summary>
/// A profile's column as a side to compare: exact values (or exact distinct counts) give the same samples as the raw data;
/// a sketch gives <see cref="SketchSample"/>s for the tests that work from it; labels give their counts.
/// </summary>
internal sealed class ProfileColumnSource : ColumnSource
{
    /// <summary>The category that holds the labels beyond a profile's category cap.</summary>
    public const string OtherCategory = "\0other";

    private readonly ColumnProfile _column;

    public ProfileColumnSource(ColumnProfile column)
    {
        _column = column;
    }

    public override string Name => _column.Name;

    public override bool IsNumbers => _column.Kind == ProfileColumnKind.Numbers;

    public override long CleanCount => _column.Count;

    public override ColumnSamples Samples(ColumnType type, ColumnSource current)
    {
        var other = ((ProfileColumnSource)current)._column;
        if (IsNumbers && other.Kind == ProfileColumnKind.Numbers)
        {
            if (_column.SortedValues() is { } r && other.SortedValues() is { } c) return ColumnSamples.Numeric(type, r, c, cleaned: true);
            if (type == ColumnType.Categorical)
                throw new DriftException($"column '{Name}' is summarised by a quantile sketch (more than {ColumnProfile.DistinctLimit} distinct values) and cannot be compared as categories: use an exact-mode profile or profile it as categorical");
            return ColumnSamples.Sketched(type, SketchSample.From(_column), SketchSample.From(other));
        }
        var reference = Counts(_column);
        var currentCounts = Counts(other);
        if (Kept(_column, Kept(other, null)) is { } kept)
        {
            reference = Fold(reference, kept);
            currentCounts = Fold(currentCounts, kept);
        }
        var keys = reference.Keys.Union(currentCounts.Keys).Order(StringComparer.Ordinal).ToArray();
        var counts = new CategoryCounts(
            keys.Select(k => reference.GetValueOrDefault(k)).ToArray(), keys.Select(k => currentCounts.GetValueOrDefault(k)).ToArray(), null, keys);
        return ColumnSamples.FromCounts(counts, _column.Count, other.Count);
    }

    /// <summary>The labels a capped column counts one by one (intersected with <paramref name="kept"/>); <see langword="null"/> when not capped.</summary>
    private static HashSet<string>? Kept(ColumnProfile column, HashSet<string>? kept)
    {
        if (column.Kind != ProfileColumnKind.Labels || column.OtherCount == 0) return kept;
        var labels = new HashSet<string>(column.Categories!.Keys, StringComparer.Ordinal);
        if (kept is not null) labels.IntersectWith(kept);
        return labels;
    }

    /// <summary>Counts with every label outside <paramref name="kept"/> moved into the "other" category, so both sides bin alike.</summary>
    private static Dictionary<string, long> Fold(Dictionary<string, long> counts, HashSet<string> kept)
    {
        var folded = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (label, count) in counts)
        {
            var key = kept.Contains(label) ? label : OtherCategory;
            folded[key] = folded.GetValueOrDefault(key) + count;
        }
        return folded;
    }

    private static Dictionary<string, long> Counts(ColumnProfile column)
    {
        if (column.Kind == ProfileColumnKind.Labels)
        {
            var counts = new Dictionary<string, long>(column.Categories!, StringComparer.Ordinal);
            if (column.OtherCount > 0) counts[OtherCategory] = column.OtherCount;
            return counts;
        }
        var labels = new Dictionary<string, long>(StringComparer.Ordinal);
        if (column.ExactArray is { } exact)
            foreach (var v in exact) labels[NumberLabel(v)!] = labels.GetValueOrDefault(NumberLabel(v)!) + 1;
        else if (column.ValueCounts is { } values)
            foreach (var (v, count) in values) labels[NumberLabel(v)!] = labels.GetValueOrDefault(NumberLabel(v)!) + count;
        else
            throw new DriftException($"column '{column.Name}' holds numbers in one dataset and labels in the other, and its numbers are summarised by a quantile sketch: use an exact-mode profile");
        return labels;
    }
}
