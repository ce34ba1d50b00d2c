namespace Steward.Drift.Io;

/// <summary>A file's cells as text (<see langword="null"/> for missing), column by column, with the line each row came from.</summary>
internal sealed class RawTable
{
    public RawTable(string path, IReadOnlyList<string> names, List<string?>[] cells, List<int> lines)
    {
        Path = path;
        Names = names;
        Cells = cells;
        Lines = lines;
    }

    public string Path { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Cells per column; a JSON string value keeps its text, a JSON number its literal.</summary>
    public List<string?>[] Cells { get; }

    /// <summary>Whether a cell came from a JSON string (then it is a label unless the column is declared numerical).</summary>
    public HashSet<(int Column, int Row)> JsonStrings { get; } = [];

    public List<int> Lines { get; }

    /// <summary>Columns whose cells are labels whatever they look like (Parquet strings and booleans).</summary>
    public HashSet<int> TextColumns { get; } = [];

    /// <summary>How errors name a row: "line" for text files, "row" for Parquet.</summary>
    public string LineWord { get; init; } = "line";

    public int RowCount => Lines.Count;
}
