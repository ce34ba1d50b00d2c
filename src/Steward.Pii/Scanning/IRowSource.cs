namespace Steward.Pii.Scanning;

/// <summary>Reads a file into row batches, in file order, on one thread.</summary>
internal interface IRowSource : IAsyncDisposable
{
    /// <summary>Columns known before any row (CSV header, Parquet fields), so they are reported even when empty.</summary>
    IReadOnlyList<string> DeclaredColumns { get; }

    /// <summary>False when reading stopped early at content it cannot read (the batch emitted last says why).</summary>
    bool Complete { get; }

    /// <summary>Opens the file and reads what comes before the rows (a CSV header, a Parquet footer).</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Reads every batch and hands it to <paramref name="emit"/>.</summary>
    Task ProduceAsync(Func<RowBatch, ValueTask> emit, CancellationToken cancellationToken);

    /// <summary>The SHA-256 of the whole file (after <see cref="ProduceAsync"/>; Parquet hashes it on the side).</summary>
    Task<string> Sha256Async(CancellationToken cancellationToken);

    /// <summary>Writes what comes before the rows in a redacted copy (the CSV header).</summary>
    string RedactedPreamble { get; }
}
