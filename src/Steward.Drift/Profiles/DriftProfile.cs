namespace Steward.Drift.Profiles;

/// <summary>
/// A stored, mergeable summary of a dataset for drift reports: per column counts, moments and exact values, a KLL sketch, or
/// category counts (see <see cref="ColumnProfile"/>). Serialised as the versioned JSON format <c>steward.drift.profile/v1</c>
/// of docs/DRIFT.md. Immutable.
/// </summary>
public sealed class DriftProfile
{
    /// <summary>The format name written into and required from profile files.</summary>
    public const string Format = "steward.drift.profile/v1";

    private readonly Dictionary<string, ColumnProfile> _byName;

    internal DriftProfile(IReadOnlyList<ColumnProfile> columns, long rowCount, ProfileOptions options)
    {
        Columns = columns;
        RowCount = rowCount;
        Options = options;
        _byName = new Dictionary<string, ColumnProfile>(StringComparer.Ordinal);
        foreach (var column in columns)
            if (!_byName.TryAdd(column.Name, column)) throw new DriftException($"column '{column.Name}' appears twice");
    }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<ColumnProfile> Columns { get; }

    /// <summary>Rows profiled.</summary>
    public long RowCount { get; }

    /// <summary>The options the profile was built with (merges use the left profile's).</summary>
    public ProfileOptions Options { get; }

    /// <summary>The column of that name, or <see langword="null"/>.</summary>
    public ColumnProfile? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Profiles a table.</summary>
    public static DriftProfile FromTable(DriftTable table, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var builder = new ProfileBuilder(options);
        builder.Add(table);
        return builder.ToProfile();
    }

    /// <summary>
    /// The profile of both datasets together: counts and moments add (Chan), exact values merge (turning into a sketch in
    /// <see cref="ProfileMode.Auto"/> past the exact limit), sketches merge. Both must have the same columns with the same kinds.
    /// </summary>
    public DriftProfile Merge(DriftProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = new ProfileBuilder(Options);
        foreach (var column in Columns) builder.AddColumn(column.Name, column.Kind);
        builder.Merge(this);
        builder.Merge(other);
        return builder.ToProfile();
    }

    /// <summary>Writes the profile as UTF-8 JSON (format <see cref="Format"/>).</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ProfileJson.Write(this, stream);
    }

    /// <summary>Reads a profile written by <see cref="WriteTo"/>; malformed input is a <see cref="DriftException"/> naming the position.</summary>
    public static DriftProfile ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ProfileJson.Read(stream);
    }
}
