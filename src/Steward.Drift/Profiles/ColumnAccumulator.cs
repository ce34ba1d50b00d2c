namespace Steward.Drift.Profiles;

/// <summary>A column being profiled: numbers or labels, with the missing values and the merge of another profile's column.</summary>
internal abstract class ColumnAccumulator
{
    protected ColumnAccumulator(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public abstract ProfileColumnKind Kind { get; }

    public long Present { get; protected set; }

    public long Missing { get; set; }

    /// <summary>Values and missing values given so far.</summary>
    public long Entries => Present + Missing;

    public abstract void Merge(ColumnProfile other);

    /// <summary>The column so far, with missing values added up to <paramref name="rowCount"/> entries.</summary>
    /// <param name="rowCount">Rows of the profile.</param>
    /// <param name="release">Hand the accumulator's buffers to the profile instead of copying them (the accumulator is done).</param>
    public abstract ColumnProfile ToProfile(long rowCount, bool release = false);

    /// <summary>Missing values for a profile of <paramref name="rowCount"/> rows: those given plus the rows that did not give the column.</summary>
    protected long MissingFor(long rowCount) => Entries <= rowCount ? Missing + rowCount - Entries
        : throw new DriftException($"column '{Name}' has {Entries} values for {rowCount} rows: give at most one value per column and row, and call EndRow after each row");

    public static ColumnAccumulator Create(string name, ProfileColumnKind kind, ProfileOptions options) =>
        kind == ProfileColumnKind.Numbers ? new NumberAccumulator(name, options) : new LabelAccumulator(name, options);

    public static string KindName(ProfileColumnKind kind) => kind == ProfileColumnKind.Numbers ? "numbers" : "labels";
}
