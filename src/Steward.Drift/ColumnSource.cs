namespace Steward.Drift;

/// <summary>One side of a column to compare: a table's raw column or a profile's column.</summary>
internal abstract class ColumnSource
{
    public abstract string Name { get; }

    /// <summary>Whether the column holds numbers (otherwise labels).</summary>
    public abstract bool IsNumbers { get; }

    /// <summary>Values left after cleaning (finite numbers, non-empty labels).</summary>
    public abstract long CleanCount { get; }

    /// <summary>The cleaned samples of this (reference) side and <paramref name="current"/> (the same kind of source).</summary>
    public abstract ColumnSamples Samples(ColumnType type, ColumnSource current);

    /// <summary>A number as the label it becomes when a numeric column is compared with a label column (round-trip text).</summary>
    public static string? NumberLabel(double value) =>
        double.IsFinite(value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
}
