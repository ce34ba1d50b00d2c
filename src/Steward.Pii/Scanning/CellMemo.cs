namespace Steward.Pii.Scanning;

/// <summary>
/// One scan worker's memo of the findings of repeated cell values, per column: a dataset's columns often repeat
/// their values (cities, countries, statuses, dates, templated notes), and the engine's answer depends only on the
/// text and the column's options, so a value seen before in the column needs no second analysis, and (for CSV) no
/// second string. Bounded: values up to <see cref="MaxTextLength"/> characters, at most
/// <see cref="MaxEntriesPerColumn"/> per column, <see cref="MaxEntries"/> and <see cref="MaxChars"/> in all; a column whose values rarely
/// repeat is dropped from the memo once it has filled its share. Not thread-safe: one per worker.
/// </summary>
internal sealed class CellMemo
{
    /// <summary>Longer values are not kept (free text rarely repeats and would cost the memo's memory).</summary>
    public const int MaxTextLength = 256;

    /// <summary>Values kept per column.</summary>
    public const int MaxEntriesPerColumn = 4096;

    /// <summary>Values kept in all columns.</summary>
    public const int MaxEntries = 16384;

    /// <summary>Characters kept in all columns (1 MiB of text per worker; with the entries, a few MB at most).</summary>
    public const int MaxChars = 512 * 1024;

    private readonly Dictionary<string, ColumnMemo> _columns = new(StringComparer.Ordinal);

    /// <summary>Values kept now, in all columns.</summary>
    public int Entries { get; internal set; }

    /// <summary>Characters of the values kept now, in all columns.</summary>
    public long Chars { get; internal set; }

    /// <summary>True when a value of <paramref name="length"/> characters would not fit.</summary>
    internal bool Full(int length) => Entries >= MaxEntries || Chars + length > MaxChars;

    /// <summary>The memo of the column named <paramref name="column"/> (its options are the same in every batch).</summary>
    public ColumnMemo For(string column)
    {
        if (!_columns.TryGetValue(column, out var memo)) _columns[column] = memo = new ColumnMemo(this);
        return memo;
    }
}
