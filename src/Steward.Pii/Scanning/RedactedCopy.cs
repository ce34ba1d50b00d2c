using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>
/// The redacted copy of a CSV or JSON Lines file: each batch's rendered rows appended to a temporary file beside the
/// target, moved over it only when the scan completes. Disposing without committing deletes the temporary file.
/// </summary>
internal sealed class RedactedCopy : IRedactedCopy
{
    private readonly string _target;
    private readonly string _temp;
    private readonly StreamWriter _writer;
    private bool _committed;

    private RedactedCopy(string target, string temp, StreamWriter writer)
    {
        _target = target;
        _temp = temp;
        _writer = writer;
    }

    public static RedactedCopy Create(string target, string preamble)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new PiiRequestException($"the folder of the redacted copy does not exist: {folder}");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var writer = new StreamWriter(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous),
            new UTF8Encoding(false), 1 << 16);
        writer.Write(preamble);
        return new RedactedCopy(full, temp, writer);
    }

    public Task AddAsync(RowBatch batch, CancellationToken cancellationToken) =>
        batch.Redacted is { } text ? _writer.WriteAsync(text, cancellationToken) : Task.CompletedTask;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed) return;
        await _writer.DisposeAsync().ConfigureAwait(false);
        File.Delete(_temp);
    }
}
