namespace Steward.Pii.Scanning;

/// <summary>
/// The findings of one column's values seen so far (see <see cref="CellMemo"/>): the value's string, kept so a CSV
/// field equal to it needs no string of its own, and its findings in the engine's order.
/// </summary>
internal sealed class ColumnMemo
{
    private readonly CellMemo _owner;
    private readonly Dictionary<string, Finding[]> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Finding[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private long _lookups, _hits, _chars;
    private bool _full;

    public ColumnMemo(CellMemo owner)
    {
        _owner = owner;
        _bySpan = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>False once the column's values proved too rarely repeated to be worth the look-up.</summary>
    public bool Enabled { get; private set; } = true;

    /// <summary>Values kept.</summary>
    public int Count => _values.Count;

    /// <summary>Looks <paramref name="text"/> up; on a hit, gives the kept string equal to it and its findings.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string value, out Finding[] findings)
    {
        if (!Enabled || text.Length > CellMemo.MaxTextLength) { value = ""; findings = []; return false; }
        _lookups++;
        if (_bySpan.TryGetValue(text, out var key, out findings!)) { _hits++; value = key; return true; }
        value = "";
        return false;
    }

    /// <summary>Keeps the findings of <paramref name="text"/> (an analysed value not in the memo) while there is room.</summary>
    public void Add(string text, ReadOnlySpan<Finding> findings)
    {
        if (!Enabled || _full || text.Length > CellMemo.MaxTextLength) return;
        if (_values.Count >= CellMemo.MaxEntriesPerColumn)
        {
            // The column's share is used: a column whose values repeat keeps what it has; one whose look-ups mostly
            // miss (ids, amounts, e-mail addresses) gives its room back and is no longer looked up.
            if (RarelyRepeated) Disable();
            else _full = true;
            return;
        }
        if (_owner.Full(text.Length))
        {
            // The memo is full of other columns' values: judge this column only once it has had as many look-ups.
            if (_lookups >= CellMemo.MaxEntriesPerColumn && RarelyRepeated) Disable();
            return;
        }
        if (!_values.TryAdd(text, findings.IsEmpty ? [] : findings.ToArray())) return;
        _owner.Entries++;
        _owner.Chars += text.Length;
        _chars += text.Length;
    }

    private bool RarelyRepeated => _hits * 4 < _lookups;

    private void Disable()
    {
        Enabled = false;
        _owner.Entries -= _values.Count;
        _owner.Chars -= _chars;
        _chars = 0;
        _values.Clear();
        _values.TrimExcess();
    }
}
