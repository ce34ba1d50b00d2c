namespace Steward.Sidecar.Middleware;

/// <summary>A write-only stream that keeps up to a limit of bytes and notes an overflow instead of growing further.</summary>
internal sealed class ResponseBuffer(long limit) : Stream
{
    private readonly MemoryStream _bytes = new();

    public bool Overflowed { get; private set; }

    public byte[] ToArray() => _bytes.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _bytes.Length;

    public override long Position
    {
        get => _bytes.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Overflowed) return;
        if (_bytes.Length + buffer.Length > limit)
        {
            Overflowed = true;
            _bytes.SetLength(0);
            return;
        }

        _bytes.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _bytes.Dispose();
        base.Dispose(disposing);
    }
}
