namespace Steward.Pii.Scanning;

/// <summary>
/// One non-empty value to analyse: its row (relative to its batch), its column (batch-local index) and text, and its
/// findings when the worker's <see cref="CellMemo"/> already knew them (null: not looked up or not known).
/// </summary>
internal readonly record struct Cell(int Row, int Column, string Text, Finding[]? Known = null);
