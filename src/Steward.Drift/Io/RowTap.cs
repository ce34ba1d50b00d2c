using Steward.Drift.Profiles;

namespace Steward.Drift.Io;

/// <summary>
/// A row-level hook into <see cref="ProfileFileReader"/>: the reader hands over the cells of a few named columns, row by row,
/// during the same pass that builds the profile, so callers (model quality) need no second read and keep no table.
/// A file may be read more than once (a column turning into labels); each pass starts with <see cref="OnStart"/>, so an
/// observer rebuilds its state from scratch and only the last pass counts.
/// </summary>
internal abstract class RowTap
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly string?[] _text;
    private readonly double[] _number;

    protected RowTap(IReadOnlyList<string> columns)
    {
        Columns = columns.Distinct(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < Columns.Count; i++) _slots[Columns[i]] = i;
        _text = new string?[Columns.Count];
        _number = new double[Columns.Count];
        Kinds = new ProfileColumnKind?[Columns.Count];
    }

    /// <summary>The watched columns; a slot is an index into this list.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per slot, the column's kind in the current pass; <see langword="null"/> when the file has no such column (yet).</summary>
    public ProfileColumnKind?[] Kinds { get; }

    /// <summary>The slot of a column, or -1 when it is not watched.</summary>
    public int SlotOf(string name) => _slots.GetValueOrDefault(name, -1);

    /// <summary>A pass begins: forget everything.</summary>
    public void Start()
    {
        Array.Fill(Kinds, null);
        Clear();
        OnStart();
    }

    /// <summary>The reader met the watched column <paramref name="slot"/>, read as <paramref name="kind"/> in this pass.</summary>
    public void Bind(int slot, ProfileColumnKind kind) => Kinds[slot] = kind;

    public void Number(int slot, double value)
    {
        _number[slot] = value;
        _text[slot] = null;
    }

    public void Label(int slot, string text)
    {
        _text[slot] = text;
        _number[slot] = double.NaN;
    }

    /// <summary>The row is complete: <see cref="OnRow"/> sees its cells, then they are cleared (absent cells are missing).</summary>
    public void EndRow()
    {
        OnRow();
        Clear();
    }

    /// <summary>The cell as text, as reports compare outcomes: a finite number in its round-trip form, a label as read (an empty label is missing); <see langword="null"/> when missing.</summary>
    protected string? Text(int slot)
    {
        if (Kinds[slot] == ProfileColumnKind.Labels) return string.IsNullOrEmpty(_text[slot]) ? null : _text[slot];
        var value = _number[slot];
        return double.IsFinite(value) ? Performance.NumberText.Of(value) : null;
    }

    /// <summary>The cell's number (NaN when missing, not finite, or a label).</summary>
    protected double Value(int slot) => Kinds[slot] == ProfileColumnKind.Numbers ? _number[slot] : double.NaN;

    protected abstract void OnStart();

    protected abstract void OnRow();

    private void Clear()
    {
        Array.Fill(_text, null);
        Array.Fill(_number, double.NaN);
    }
}
