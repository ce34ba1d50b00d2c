namespace Steward.Pii.Scanning;

/// <summary>
/// A redacted copy being written, fed the analysed batches in file order: it goes to a temporary file beside the
/// target and replaces the target only on <see cref="CommitAsync"/>, so the target is never half-written.
/// Disposing without committing deletes the temporary file.
/// </summary>
internal interface IRedactedCopy : IAsyncDisposable
{
    /// <summary>Takes in one batch (after <see cref="RowBatch.Redact"/>), in file order.</summary>
    Task AddAsync(RowBatch batch, CancellationToken cancellationToken);

    /// <summary>Writes what is left and moves the copy over the target.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
