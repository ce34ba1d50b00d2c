namespace Steward.Drift.Profiles;

/// <summary>
/// Builds a <see cref="DriftProfile"/> from batches (<see cref="Add(DriftTable)"/>, schema checked against earlier batches) or
/// value by value (<see cref="AddColumn"/>, <see cref="AddNumber"/>, <see cref="AddLabel(int, string)"/>, <see cref="EndRow"/>).
/// A row that does not give a column counts as a missing value of it. Not thread-safe.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly List<ColumnAccumulator> _columns = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private bool _batched;

    /// <summary>Creates a builder; <paramref name="options"/> default to <see cref="ProfileMode.Auto"/>.</summary>
    public ProfileBuilder(ProfileOptions? options = null)
    {
        Options = options ?? new ProfileOptions();
        Options.Validate();
    }

    /// <summary>The options the profile is built with.</summary>
    public ProfileOptions Options { get; }

    /// <summary>Rows added so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Adds a batch. The first batch fixes the columns; later batches must have the same names and kinds (any order).</summary>
    public void Add(DriftTable batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_batched || _columns.Count > 0) CheckSchema(batch);
        else foreach (var column in batch.Columns) AddColumn(column.Name, column.Numbers is not null ? ProfileColumnKind.Numbers : ProfileColumnKind.Labels);
        _batched = true;
        foreach (var column in batch.Columns)
        {
            var accumulator = _columns[_index[column.Name]];
            if (column.Numbers is { } numbers)
            {
                var target = (NumberAccumulator)accumulator;
                foreach (var v in numbers) target.Add(v);
            }
            else
            {
                var target = (LabelAccumulator)accumulator;
                foreach (var v in column.Labels!) target.Add(v);
            }
        }
        RowCount += batch.RowCount;
    }

    /// <summary>
    /// Declares a column for the per-value path and returns its index; a column declared after rows were added has those rows
    /// missing. Declaring an existing name again returns its index when the kind matches.
    /// </summary>
    public int AddColumn(string name, ProfileColumnKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_index.TryGetValue(name, out var existing))
        {
            if (_columns[existing].Kind != kind)
                throw new DriftException($"column '{name}' holds {ColumnAccumulator.KindName(_columns[existing].Kind)}, not {ColumnAccumulator.KindName(kind)}");
            return existing;
        }
        var accumulator = ColumnAccumulator.Create(name, kind, Options);
        accumulator.Missing = RowCount;
        _index[name] = _columns.Count;
        _columns.Add(accumulator);
        return _columns.Count - 1;
    }

    /// <summary>The index of a declared column, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>Adds a number to a numeric column of the current row (NaN and ±infinity count as missing).</summary>
    public void AddNumber(int column, double value) => ((NumberAccumulator)_columns[column]).Add(value);

    /// <summary>Adds a label to a label column of the current row (null or empty counts as missing).</summary>
    public void AddLabel(int column, string? value) => ((LabelAccumulator)_columns[column]).Add(value);

    /// <summary>Adds a label given as characters (no string is allocated for labels seen before).</summary>
    public void AddLabel(int column, ReadOnlySpan<char> value) => ((LabelAccumulator)_columns[column]).Add(value);

    /// <summary>
    /// Changes the kind of a column that holds no value yet (only missing ones), so a reader that meets text first in a column
    /// it expected numbers in needs no second pass; <see langword="false"/> when values were added already.
    /// </summary>
    internal bool TryRetype(int column, ProfileColumnKind kind)
    {
        var old = _columns[column];
        if (old.Present > 0) return false;
        if (old.Kind == kind) return true;
        var accumulator = ColumnAccumulator.Create(old.Name, kind, Options);
        accumulator.Missing = old.Missing;
        _columns[column] = accumulator;
        return true;
    }

    /// <summary>Adds a missing value to a column of the current row.</summary>
    public void AddMissing(int column) => _columns[column].Missing++;

    /// <summary>Ends the current row of the per-value path; columns it did not give count as missing.</summary>
    public void EndRow()
    {
        RowCount++;
        foreach (var column in _columns) if (column.Entries < RowCount) column.Missing += RowCount - column.Entries;
    }

    /// <summary>The profile of everything added so far (the builder can go on).</summary>
    public DriftProfile ToProfile() => new(_columns.Select(c => c.ToProfile(RowCount)).ToArray(), RowCount, Options);

    /// <summary>The profile, handing over the builder's buffers (no second copy of exact values; columns sorted in parallel); the builder is done.</summary>
    internal DriftProfile Build()
    {
        var columns = new ColumnProfile[_columns.Count];
        Parallel.For(0, columns.Length, i => columns[i] = _columns[i].ToProfile(RowCount, release: true));
        _columns.Clear();
        _index.Clear();
        return new DriftProfile(columns, RowCount, Options);
    }

    private void CheckSchema(DriftTable batch)
    {
        foreach (var column in batch.Columns)
        {
            var kind = column.Numbers is not null ? ProfileColumnKind.Numbers : ProfileColumnKind.Labels;
            if (!_index.TryGetValue(column.Name, out var i)) throw new DriftException($"column '{column.Name}' is not in the earlier batches");
            if (_columns[i].Kind != kind)
                throw new DriftException($"column '{column.Name}' holds {ColumnAccumulator.KindName(kind)} in this batch and {ColumnAccumulator.KindName(_columns[i].Kind)} in the earlier batches");
        }
        foreach (var column in _columns)
            if (batch.Find(column.Name) is null) throw new DriftException($"column '{column.Name}' of the earlier batches is missing from this batch");
    }

    /// <summary>Merges a profile's columns into this builder (used by <see cref="DriftProfile.Merge"/>).</summary>
    internal void Merge(DriftProfile profile)
    {
        foreach (var column in profile.Columns)
        {
            if (!_index.TryGetValue(column.Name, out var i)) throw new DriftException($"column '{column.Name}' is only in one of the profiles");
            if (_columns[i].Kind != column.Kind)
                throw new DriftException($"column '{column.Name}' holds {ColumnAccumulator.KindName(_columns[i].Kind)} in one profile and {ColumnAccumulator.KindName(column.Kind)} in the other");
            _columns[i].Merge(column);
        }
        if (profile.Columns.Count != _columns.Count)
            throw new DriftException($"column '{_columns.First(c => profile.Find(c.Name) is null).Name}' is only in one of the profiles");
        RowCount += profile.RowCount;
    }
}
