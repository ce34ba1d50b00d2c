namespace Steward.Pii.Scanning;

/// <summary>A CSV file's header, delimiter and which of its columns are scanned.</summary>
internal sealed class CsvLayout(List<string> header, byte delimiter, bool[] selected)
{
    public List<string> Header { get; } = header;

    public byte Delimiter { get; } = delimiter;

    public bool[] Selected { get; } = selected;

    /// <summary>The layout for a header; throws <see cref="PiiRequestException"/> naming a requested column the header lacks.</summary>
    public static CsvLayout Create(List<string> header, byte delimiter, IReadOnlyList<string>? columns)
    {
        var selected = new bool[header.Count];
        if (columns is not { Count: > 0 })
        {
            Array.Fill(selected, true);
            return new CsvLayout(header, delimiter, selected);
        }
        foreach (var name in columns)
        {
            var i = header.IndexOf(name);
            if (i < 0) throw new PiiRequestException($"column '{name}' is not in the header; the columns are: {string.Join(", ", header)}");
            selected[i] = true;
        }
        return new CsvLayout(header, delimiter, selected);
    }

    /// <summary>The selected columns' names in header order.</summary>
    public IEnumerable<string> SelectedNames => Header.Where((_, i) => Selected[i]);
}
