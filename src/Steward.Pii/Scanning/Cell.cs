namespace Steward.Pii.Scanning;

/// <summary>One non-empty value to analyse: its row (relative to its batch), its column (batch-local index) and text.</summary>
internal readonly record struct Cell(int Row, int Column, string Text);
