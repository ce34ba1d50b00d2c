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
    public abstract ColumnProfile ToProfile(long rowCount);

    public static ColumnAccumulator Create(string name, ProfileColumnKind kind, ProfileOptions options) =>
        kind == ProfileColumnKind.Numbers ? new NumberAccumulator(name, options) : new LabelAccumulator(name, options);

    public static string KindName(ProfileColumnKind kind) => kind == ProfileColumnKind.Numbers ? "numbers" : "labels";
}
