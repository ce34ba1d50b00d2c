namespace Steward.Drift;

/// <summary>A dataset as named columns of equal length.</summary>
public sealed class DriftTable
{
    private readonly Dictionary<string, DriftColumn> _byName;

    /// <summary>Creates a table; column names must be unique and lengths equal.</summary>
    public DriftTable(IReadOnlyList<DriftColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        _byName = new Dictionary<string, DriftColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!_byName.TryAdd(column.Name, column)) throw new DriftException($"column '{column.Name}' appears twice");
            if (column.Length != columns[0].Length) throw new DriftException($"column '{column.Name}' has {column.Length} rows, '{columns[0].Name}' has {columns[0].Length}");
        }
    }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<DriftColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Length;

    /// <summary>The column of that name, or <see langword="null"/>.</summary>
    public DriftColumn? Find(string name) => _byName.GetValueOrDefault(name);
}
