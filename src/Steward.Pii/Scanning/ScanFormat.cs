namespace Steward.Pii.Scanning;

/// <summary>The file formats a dataset scan reads.</summary>
public enum ScanFormat
{
    /// <summary>Comma-separated values (RFC 4180) with a header row; <c>.tsv</c> files use tabs.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON value per line; nested fields become dotted column paths (<c>a.b</c>, <c>a[]</c>).</summary>
    Jsonl,

    /// <summary>Apache Parquet; flat string and integer columns are scanned, row group by row group.</summary>
    Parquet,
}

/// <summary>Format names and detection by file extension.</summary>
public static class ScanFormats
{
    /// <summary>The format named <paramref name="name"/> (<c>csv</c>, <c>tsv</c>, <c>jsonl</c>, <c>ndjson</c>, <c>parquet</c>), or null.</summary>
    public static ScanFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "csv" or "tsv" => ScanFormat.Csv,
        "jsonl" or "ndjson" or "json" => ScanFormat.Jsonl,
        "parquet" => ScanFormat.Parquet,
        _ => null,
    };

    /// <summary>The format a path's extension suggests, or null.</summary>
    public static ScanFormat? FromPath(string path) => Parse(Path.GetExtension(path).TrimStart('.'));

    /// <summary>The lower-case name of a format.</summary>
    public static string Name(ScanFormat format) => format.ToString().ToLowerInvariant();
}
