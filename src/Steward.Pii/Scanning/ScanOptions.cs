namespace Steward.Pii.Scanning;

/// <summary>How a dataset is scanned.</summary>
public sealed class ScanOptions
{
    /// <summary>The file format; null tells it from the file's extension.</summary>
    public ScanFormat? Format { get; init; }

    /// <summary>Columns to scan (CSV header names, JSONL paths or path prefixes, Parquet field paths); null or empty scans all.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The rule the verdict is decided by; its minimum score is also the analysis threshold.</summary>
    public ScanRule Rule { get; init; } = ScanRule.Default;

    /// <summary>The analysis language.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Entity types to look for; null looks for every type the engine supports.</summary>
    public IReadOnlyList<string>? Entities { get; init; }

    /// <summary>Redacted samples kept per column and entity type (0 keeps none).</summary>
    public int SamplesPerEntity { get; init; } = 3;

    /// <summary>Where to write a redacted copy in the same format (CSV and JSONL); null writes none.</summary>
    public string? RedactTo { get; init; }

    /// <summary>CSV field delimiter; null uses a tab for <c>.tsv</c> files and a comma otherwise.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Rows (records) longer than this many bytes are reported and skipped, not scanned.</summary>
    public int MaxRowBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Approximate bytes of input per batch handed to a worker. 128 KiB: the cells and results of the few batches in
    /// flight are what the scan keeps alive, and with 512 KiB they outgrew a 96 MB heap with every default recognizer.
    /// </summary>
    public int BatchBytes { get; init; } = 128 * 1024;

    /// <summary>Threads analysing batches; 0 uses one per core.</summary>
    public int Workers { get; init; }

    /// <summary>
    /// Tests and benchmarks: false analyses every cell, without the workers' memo of repeated values
    /// (<see cref="CellMemo"/>), to compare the two. The answers are the same either way.
    /// </summary>
    internal bool MemoizeCells { get; init; } = true;

    /// <summary>Problems listed in the report (all are counted).</summary>
    public int MaxProblems { get; init; } = 100;

    /// <summary>Receives progress as the file is read (on the reading thread: keep it cheap).</summary>
    public IProgress<ScanProgress>? Progress { get; init; }
}
