using System.Globalization;
using Steward.Drift.Profiles;
using Steward.Governance.Errors;

namespace Steward.Server.Monitors;

/// <summary>
/// Folds parsed cells into a <see cref="ProfileBuilder"/> typed by a schema (column name to <c>num</c> or <c>cat</c>):
/// numbers are parsed as they arrive (invariant culture; <c>nan</c>, <c>inf</c>, <c>-inf</c> as pandas writes
/// them), an empty CSV cell or JSON null is missing, a cell of the wrong type is an error naming its line and column.
/// Columns outside the schema are ignored and listed; schema columns no row gave are listed as missing.
/// </summary>
internal sealed class ProfileSink : IBatchSink
{
    private readonly ProfileBuilder _builder;
    private readonly bool[] _numeric;
    private readonly bool[] _seen;
    private readonly string[] _names;

    public ProfileSink(IReadOnlyDictionary<string, string> schema, ProfileOptions options)
    {
        _builder = new ProfileBuilder(options);
        _names = [.. schema.Keys];
        _numeric = new bool[_names.Length];
        _seen = new bool[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            _numeric[i] = schema[_names[i]] == "num";
            _builder.AddColumn(_names[i], _numeric[i] ? ProfileColumnKind.Numbers : ProfileColumnKind.Labels);
        }
    }

    /// <summary>Columns of the batch that are not in the schema.</summary>
    public List<string> Ignored { get; } = [];

    /// <summary>Schema columns that no row of the batch gave.</summary>
    public IEnumerable<string> Missing => _names.Where((_, i) => !_seen[i]);

    /// <summary>Rows read.</summary>
    public long Rows => _builder.RowCount;

    public int Column(string name)
    {
        var index = _builder.IndexOf(name);
        if (index < 0 && !Ignored.Contains(name)) Ignored.Add(name);
        return index;
    }

    public void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line)
    {
        _seen[column] = true;
        if (kind == CellKind.JsonNull || (kind == CellKind.Text && text.IsEmpty))
        {
            _builder.AddMissing(column);
            return;
        }
        if (!_numeric[column])
        {
            _builder.AddLabel(column, text);
            return;
        }
        if (kind is CellKind.JsonString or CellKind.JsonBool)
            throw new ValidationFailedException("body", $"line {line}, column '{_names[column]}': {Show(text, kind)} is not a number (the reference profile has numbers in this column)");
        if (!TryNumber(text, out var value))
            throw new ValidationFailedException("body", $"line {line}, column '{_names[column]}': {Show(text, kind)} is not a number (the reference profile has numbers in this column)");
        _builder.AddNumber(column, value);
    }

    public void EndRow() => _builder.EndRow();

    /// <summary>The batch's profile.</summary>
    public DriftProfile ToProfile() => _builder.ToProfile();

    /// <summary>Invariant-culture numbers plus NaN and infinities as pandas and NumPy write them.</summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        var s = text.Trim();
        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase) || s.Equals("-nan", StringComparison.OrdinalIgnoreCase)) { value = double.NaN; return true; }
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("+inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        { value = double.PositiveInfinity; return true; }
        if (s.Equals("-inf", StringComparison.OrdinalIgnoreCase) || s.Equals("-infinity", StringComparison.OrdinalIgnoreCase)) { value = double.NegativeInfinity; return true; }
        return false;
    }

    private static string Show(ReadOnlySpan<char> text, CellKind kind)
    {
        var shown = text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();
        return kind == CellKind.JsonString ? $"the string \"{shown}\"" : $"'{shown}'";
    }
}
