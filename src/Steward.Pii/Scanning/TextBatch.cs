using System.Buffers;
using System.Text.Unicode;

namespace Steward.Pii.Scanning;

/// <summary>A batch of CSV or JSONL records: a pooled byte buffer and each record's range (skipped rows have none).</summary>
internal abstract class TextBatch : RowBatch
{
    private byte[]? _buffer;

    protected TextBatch(byte[] buffer, long bufferOffset, List<(int Start, int End)> records)
    {
        _buffer = buffer;
        BufferOffset = bufferOffset;
        Records = records;
        RowCount = records.Count;
    }

    /// <summary>The file offset of the buffer's first byte.</summary>
    protected long BufferOffset { get; }

    /// <summary>Record ranges in the buffer; a skipped row is (-1, -1).</summary>
    protected List<(int Start, int End)> Records { get; }

    protected ReadOnlySpan<byte> RecordBytes(int index) =>
        _buffer.AsSpan(Records[index].Start, Records[index].End - Records[index].Start);

    /// <summary>Reports invalid UTF-8 in a record (once per record) and tells whether it was valid.</summary>
    protected bool CheckUtf8(int index, ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return true;
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var used) != OperationStatus.Done) break;
            at += used;
        }
        Problems.Add(new ScanProblem("invalid_utf8", FirstRow + index, BufferOffset + Records[index].Start + at,
            "invalid UTF-8; the invalid bytes were read as U+FFFD and the row was scanned"));
        return false;
    }

    /// <summary>The file offset of a record.</summary>
    protected long OffsetOf(int index) => BufferOffset + Records[index].Start;

    public override void Release()
    {
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        base.Release();
    }
}
