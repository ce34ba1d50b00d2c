using Steward.Drift.Io;

namespace Steward.Drift.Fairness;

/// <summary>Reads the label, prediction and sensitive-attribute columns of a CSV or JSON Lines file for <see cref="FairnessMetrics"/>.</summary>
public static class FairnessData
{
    /// <summary>
    /// Reads the three columns. A label or prediction is positive when it equals <paramref name="positive"/> (numerically when
    /// both are numbers, so <c>1.0</c> equals <c>1</c>); a missing value in any of the three columns is an error naming the line.
    /// </summary>
    public static (IReadOnlyList<string> Groups, IReadOnlyList<bool> Labels, IReadOnlyList<bool> Predictions) Read(
        string path, string label, string prediction, string sensitive, string positive = "1")
    {
        ArgumentNullException.ThrowIfNull(positive);
        var table = TableReader.ReadRaw(path);
        var labelCells = Column(table, label);
        var predictionCells = Column(table, prediction);
        var groupCells = Column(table, sensitive);
        var groups = new string[table.RowCount];
        var labels = new bool[table.RowCount];
        var predictions = new bool[table.RowCount];
        for (var row = 0; row < table.RowCount; row++)
        {
            groups[row] = groupCells[row] ?? throw Missing(table, row, sensitive);
            labels[row] = IsPositive(labelCells[row] ?? throw Missing(table, row, label), positive);
            predictions[row] = IsPositive(predictionCells[row] ?? throw Missing(table, row, prediction), positive);
        }
        return (groups, labels, predictions);
    }

    private static List<string?> Column(RawTable table, string name)
    {
        for (var i = 0; i < table.Names.Count; i++) if (table.Names[i] == name) return table.Cells[i];
        throw new DriftException($"column '{name}' is not in {table.Path}");
    }

    private static DriftException Missing(RawTable table, int row, string column) =>
        new($"{table.Path} {table.LineWord} {table.Lines[row]}, column '{column}': the value is missing");

    internal static bool IsPositive(string value, string positive) =>
        TableReader.TryNumber(value, out var a) && TableReader.TryNumber(positive, out var b) ? a == b : string.Equals(value.Trim(), positive, StringComparison.Ordinal);
}
