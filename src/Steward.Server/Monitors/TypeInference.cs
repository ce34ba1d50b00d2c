namespace Steward.Server.Monitors;

/// <summary>
/// First pass over a reference file: a column is numerical when every present cell is a number (JSON numbers, or
/// CSV text that parses as one), categorical otherwise (any JSON string or boolean makes it categorical); the
/// monitor's <c>categorical</c> and <c>numerical</c> lists override that, as in <c>steward drift report</c>.
/// </summary>
internal sealed class TypeInference(IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical) : IBatchSink
{
    private readonly List<string> _names = [];
    private readonly List<bool> _numbers = [];

    public int Column(string name)
    {
        _names.Add(name);
        _numbers.Add(true);
        return _names.Count - 1;
    }

    public void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line)
    {
        if (!_numbers[column] || kind == CellKind.JsonNull || kind == CellKind.JsonNumber || (kind == CellKind.Text && text.IsEmpty)) return;
        if (kind is CellKind.JsonString or CellKind.JsonBool || !ProfileSink.TryNumber(text, out _)) _numbers[column] = false;
    }

    public void EndRow()
    {
    }

    /// <summary>Column name to <c>num</c> or <c>cat</c>, in the file's order.</summary>
    public Dictionary<string, string> Schema()
    {
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
            schema[_names[i]] = categorical.Contains(_names[i]) ? "cat" : numerical.Contains(_names[i]) ? "num" : _numbers[i] ? "num" : "cat";
        return schema;
    }
}
