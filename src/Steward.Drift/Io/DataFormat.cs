namespace Steward.Drift.Io;

/// <summary>The data file formats drift reads.</summary>
public enum DataFormat
{
    /// <summary>CSV with a header row (RFC 4180 quoting; an empty cell is missing).</summary>
    Csv,

    /// <summary>JSON Lines: one object per line; <c>null</c> or an absent key is missing; strings and booleans are labels.</summary>
    JsonLines,

    /// <summary>Parquet with flat columns of numbers, strings or booleans.</summary>
    Parquet,
}
