namespace Steward.Pii.Scanning;

/// <summary>
/// The result of a dataset scan: what was read, what was found per column, what could not be read and the
/// verdict. It never holds raw input: samples are redacted and problems give positions, not content.
/// </summary>
public sealed record ScanReport
{
    /// <summary>The file's name (without its folder).</summary>
    public required string File { get; init; }

    /// <summary>The format read: <c>csv</c>, <c>jsonl</c> or <c>parquet</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The SHA-256 of the whole file, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Data rows read (a CSV header is not a row).</summary>
    public long Rows { get; init; }

    /// <summary>Rows with at least one result in any scanned column.</summary>
    public long RowsAffected { get; init; }

    /// <summary>Rows that could not be scanned (too long, not JSON, analysis failed).</summary>
    public long RowsSkipped { get; init; }

    /// <summary>Non-empty cells analysed.</summary>
    public long CellsScanned { get; init; }

    /// <summary>Results per entity type over all columns.</summary>
    public IReadOnlyDictionary<string, long> EntityCounts { get; init; } = new Dictionary<string, long>();

    /// <summary>False when the scan stopped early (for example at binary content): the rest of the file was not read.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Wall-clock seconds the scan took.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The scanned columns in order of appearance.</summary>
    public IReadOnlyList<ColumnReport> Columns { get; init; } = [];

    /// <summary>Problems found (at most <see cref="ScanOptions.MaxProblems"/> listed).</summary>
    public IReadOnlyList<ScanProblem> Problems { get; init; } = [];

    /// <summary>Problems found in all, listed or not.</summary>
    public long ProblemCount { get; init; }

    /// <summary>The rule's settings.</summary>
    public required ScanRule Rule { get; init; }

    /// <summary>The verdict against <see cref="Rule"/>.</summary>
    public required ScanVerdict Verdict { get; init; }

    /// <summary>Where the redacted copy was written, when one was asked for and the scan completed.</summary>
    public string? RedactedTo { get; init; }
}
