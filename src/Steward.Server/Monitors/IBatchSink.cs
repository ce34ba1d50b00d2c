namespace Steward.Server.Monitors;

/// <summary>Receives the cells of a CSV or JSONL batch as the readers tokenise it.</summary>
internal interface IBatchSink
{
    /// <summary>The index of a column, or -1 when the sink ignores it.</summary>
    int Column(string name);

    /// <summary>One cell of the current row (<paramref name="line"/> is the 1-based line the row starts on).</summary>
    void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line);

    /// <summary>Ends the current row.</summary>
    void EndRow();
}
