using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>
/// Reads CSV or JSON Lines in pooled buffers, finds record boundaries (the cheap part, on the reading thread),
/// hashes every byte and hands batches of whole records to the workers, which parse and decode them. A record
/// longer than <see cref="ScanOptions.MaxRowBytes"/> is reported and skipped; a NUL byte stops the scan as binary.
/// </summary>
internal sealed class TextRowSource(string path, ScanFormat format, ScanOptions options) : IRowSource
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte _delimiter = (byte)(options.Delimiter ?? (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ','));
    private FileStream? _stream;
    private CsvRecordScanner _scanner = null!;
    private CsvLayout? _layout;
    private byte[] _buffer = [];
    private int _length, _recordStart, _scanned;
    private long _bufferOffset, _bytesRead, _nextRow = 1;
    private bool _eof;
    private long _totalBytes;

    public IReadOnlyList<string> DeclaredColumns => _layout is null ? [] : [.. _layout.SelectedNames];

    public bool Complete { get; private set; } = true;

    public string RedactedPreamble => _layout is null ? "" : HeaderLine(_layout);

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        _scanner = new CsvRecordScanner(_delimiter, format == ScanFormat.Jsonl);
        _totalBytes = _stream.Length;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64 * 1024, options.BatchBytes * 2));
        if (format != ScanFormat.Csv) return;
        // The header: the first record, read here so the columns are known before any batch.
        int end;
        while ((end = NextRecordEnd()) < 0)
        {
            if (_eof) { end = _length; break; }
            if (_length == _buffer.Length)
            {
                if (_buffer.Length >= options.MaxRowBytes) throw new PiiRequestException($"the CSV header is longer than {options.MaxRowBytes} bytes");
                Grow();
            }
            if (!await FillAsync(cancellationToken).ConfigureAwait(false) && _eof) { end = _length; break; }
        }
        if (!Complete || _length == 0) { _layout = CsvLayout.Create([], _delimiter, null); return; }
        var fields = new List<string>();
        var header = _buffer.AsSpan(0, end);
        if (header.StartsWith("\uFEFF"u8)) header = header[3..];
        CsvFields.Split(header, _delimiter, fields);
        _layout = CsvLayout.Create(fields, _delimiter, options.Columns);
        _recordStart = Math.Min(end + 1, _length);
        _scanned = _recordStart;
    }

    public async Task ProduceAsync(Func<RowBatch, ValueTask> emit, CancellationToken cancellationToken)
    {
        var records = new List<(int, int)>();
        var problems = new List<ScanProblem>();
        var skipping = false;
        if (format == ScanFormat.Jsonl && _length == 0) await FillAsync(cancellationToken).ConfigureAwait(false);
        if (_bufferOffset == 0 && _recordStart == 0 && _buffer.AsSpan(0, _length).StartsWith("\uFEFF"u8)) _recordStart = _scanned = 3;
        while (Complete)
        {
            var end = NextRecordEnd();
            if (end >= 0)
            {
                if (skipping) skipping = false;
                else AddRecord(records, problems, _recordStart, end);
                _recordStart = end + 1;
                if (_recordStart >= options.BatchBytes) await EmitAsync(records, problems, emit).ConfigureAwait(false);
                continue;
            }
            if (_eof)
            {
                if (_recordStart < _length && !skipping) AddRecord(records, problems, _recordStart, _length);
                break;
            }
            if (_length == _buffer.Length)
            {
                if (records.Count > 0) await EmitAsync(records, problems, emit).ConfigureAwait(false);
                else if (skipping) Discard();
                else if (_length - _recordStart >= options.MaxRowBytes)
                {
                    problems.Add(TooLong(_nextRow + records.Count, _bufferOffset + _recordStart));
                    records.Add((-1, -1));
                    skipping = true;
                    _scanner.Reset();
                    Discard();
                }
                else Grow();
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
        if (records.Count > 0 || problems.Count > 0) await EmitAsync(records, problems, emit).ConfigureAwait(false);
        if (_binaryAt >= 0) await EmitBinaryAsync(emit).ConfigureAwait(false);
    }

    private void AddRecord(List<(int, int)> records, List<ScanProblem> problems, int start, int end)
    {
        if (end - start <= options.MaxRowBytes) { records.Add((start, end)); return; }
        problems.Add(TooLong(_nextRow + records.Count, _bufferOffset + start));
        records.Add((-1, -1));
    }

    private ScanProblem TooLong(long row, long offset) => new("row_too_long", row, offset,
        $"the row is longer than {options.MaxRowBytes} bytes; it was not scanned and is left out of a redacted copy");

    // Drops the buffer's content: what lies before the record start was emitted (or is the header).
    private void Discard()
    {
        _bufferOffset += _length;
        _length = _scanned = _recordStart = 0;
    }

    // The end of the next record in the buffer (from where scanning stopped), or -1.
    private int NextRecordEnd()
    {
        var found = _scanner.FindEnd(_buffer.AsSpan(_scanned, _length - _scanned));
        if (found < 0) { _scanned = _length; return -1; }
        _scanned += found + 1;
        return _scanned - 1;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof || !Complete) return false;
        var n = await _stream!.ReadAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
        if (n == 0) { _eof = true; return false; }
        var fresh = _buffer.AsSpan(_length, n);
        _hash.AppendData(fresh);
        var nul = fresh.IndexOf((byte)0);
        if (nul >= 0)
        {
            Complete = false;
            _binaryAt = _bufferOffset + _length + nul;
            _looksParquet = _bufferOffset == 0 && _buffer.AsSpan().StartsWith("PAR1"u8);
            _length += nul;
            _eof = true;
            return false;
        }
        _length += n;
        _bytesRead += n;
        options.Progress?.Report(new ScanProgress(_bytesRead, _totalBytes, _nextRow - 1));
        return true;
    }

    private long _binaryAt = -1;
    private bool _looksParquet;

    private async ValueTask EmitAsync(List<(int, int)> records, List<ScanProblem> problems, Func<RowBatch, ValueTask> emit)
    {
        var next = ArrayPool<byte>.Shared.Rent(_buffer.Length);
        var tail = _length - _recordStart;
        _buffer.AsSpan(_recordStart, tail).CopyTo(next);
        RowBatch batch = format == ScanFormat.Csv
            ? new CsvBatch(_buffer, _bufferOffset, [.. records], _layout!, options.RedactTo is not null) { FirstRow = _nextRow, Group = _nextRow, GroupFirstRow = _nextRow, GroupRowCount = records.Count }
            : new JsonlBatch(_buffer, _bufferOffset, [.. records], options.Columns, options.RedactTo is not null) { FirstRow = _nextRow, Group = _nextRow, GroupFirstRow = _nextRow, GroupRowCount = records.Count };
        batch.Problems.AddRange(problems);
        batch.SkippedRows = records.Count(r => r.Item1 < 0);
        _nextRow += records.Count;
        _bufferOffset += _recordStart;
        _scanned -= _recordStart;
        _length = tail;
        _recordStart = 0;
        _buffer = next;
        records.Clear();
        problems.Clear();
        await emit(batch).ConfigureAwait(false);
    }

    private async ValueTask EmitBinaryAsync(Func<RowBatch, ValueTask> emit)
    {
        var batch = new EmptyBatch { FirstRow = _nextRow, Group = -_nextRow };
        batch.Problems.Add(new ScanProblem("binary", _nextRow, _binaryAt,
            "a NUL byte: this is binary data, not text; the scan stopped here" +  (_looksParquet ? " (it looks like Parquet: use --format parquet)" : "")));
        _binaryAt = -1;
        await emit(batch).ConfigureAwait(false);
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)options.MaxRowBytes + _recordStart + 1));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public Task<string> Sha256Async(CancellationToken cancellationToken) =>
        _eof && Complete ? Task.FromResult(Convert.ToHexStringLower(_hash.GetCurrentHash())) : FileDigest.Sha256Async(path, cancellationToken);

    private static string HeaderLine(CsvLayout layout)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < layout.Header.Count; i++)
        {
            if (i > 0) sb.Append((char)layout.Delimiter);
            CsvFields.Append(sb, layout.Header[i], (char)layout.Delimiter);
        }
        return sb.Append('\n').ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync().ConfigureAwait(false);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _hash.Dispose();
    }
}
