namespace Steward.Drift.Reports;

/// <summary>
/// A column's reference and current counts over shared bins, small enough for a chart: numerical columns with more than 20
/// distinct values get Sturges bins over reference ∪ current (at most 40), other columns one bin per value, the
/// <see cref="MaxCategories"/> most frequent ones, the rest summed in <see cref="OtherBin"/>.
/// </summary>
public sealed record ColumnHistogram
{
    /// <summary>The most categories kept before the rest is summed.</summary>
    public const int MaxCategories = 12;

    /// <summary>The bin holding every category beyond <see cref="MaxCategories"/>.</summary>
    public const string OtherBin = "(other)";

    /// <summary>For numeric bins, the edges (one more than the bins; the last bin is closed); otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<double>? Edges { get; init; }

    /// <summary>For category bins, the values (possibly ending with <see cref="OtherBin"/>); otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Reference counts per bin.</summary>
    public required IReadOnlyList<long> Reference { get; init; }

    /// <summary>Current counts per bin.</summary>
    public required IReadOnlyList<long> Current { get; init; }

    /// <summary>Number of bins.</summary>
    public int Count => Reference.Count;

    /// <summary>Equal when the bins and counts are equal (value equality, as a record of numbers should have).</summary>
    public bool Equals(ColumnHistogram? other) =>
        other is not null && Same(Edges, other.Edges) && Same(Categories, other.Categories)
        && Reference.SequenceEqual(other.Reference) && Current.SequenceEqual(other.Current);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (var count in Reference) hash.Add(count);
        foreach (var count in Current) hash.Add(count);
        return hash.ToHashCode();
    }

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
}
