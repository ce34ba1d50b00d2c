using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Steward.Pii.Scanning;

/// <summary>
/// Reads Parquet row group by row group and column by column (so memory holds one column chunk at a time),
/// slicing each column into batches. Flat string and integer columns are scanned; nested, repeated and other
/// types are listed as not scanned. The file's digest is computed on the side in one sequential pass.
/// </summary>
internal sealed class ParquetRowSource(string path, ScanOptions options) : IRowSource
{
    private const int SliceRows = 4096;
    private FileStream? _stream;
    private ParquetReader? _reader;
    private DataField[] _fields = [];
    private Task<string>? _digest;

    public IReadOnlyList<string> DeclaredColumns => [.. _fields.Select(f => f.Path.ToString())];

    public bool Complete { get; private set; } = true;

    public string RedactedPreamble => "";

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _digest = FileDigest.Sha256Async(path, cancellationToken);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        try
        {
            _reader = await ParquetReader.CreateAsync(_stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new PiiRequestException($"not a readable Parquet file: {e.Message}");
        }
        var all = _reader.Schema.GetDataFields();
        var wanted = options.Columns is { Count: > 0 } c ? c.ToHashSet(StringComparer.Ordinal) : null;
        if (wanted is not null)
        {
            var missing = wanted.Where(w => !all.Any(f => f.Path.ToString() == w)).ToArray();
            if (missing.Length > 0)
                throw new PiiRequestException($"column '{missing[0]}' is not in the file; the columns are: {string.Join(", ", all.Select(f => f.Path.ToString()))}");
        }
        _fields = [.. all.Where(f => (wanted is null || wanted.Contains(f.Path.ToString())) && Scannable(f))];
        Skipped = [.. all.Where(f => (wanted is null || wanted.Contains(f.Path.ToString())) && !Scannable(f)).Select(f => f.Path.ToString())];
    }

    /// <summary>Selected columns that are not scanned (nested, repeated or not text or integers).</summary>
    public IReadOnlyList<string> Skipped { get; private set; } = [];

    private static bool Scannable(DataField f) =>
        f.MaxRepetitionLevel == 0 && (IsText(f) || f.ClrType == typeof(int) || f.ClrType == typeof(long));

    // Parquet.Net 6 describes string columns as ReadOnlyMemory<char>; they are read as strings.
    internal static bool IsText(DataField f) => f.ClrType == typeof(string) || f.ClrType == typeof(ReadOnlyMemory<char>);

    public async Task ProduceAsync(Func<RowBatch, ValueTask> emit, CancellationToken cancellationToken)
    {
        var reader = _reader!;
        long firstRow = 1;
        if (Skipped.Count > 0)
        {
            var note = new EmptyBatch { FirstRow = 1, Group = -1 };
            note.Problems.Add(new ScanProblem("column_not_scanned", 0, -1, $"not scanned (nested, repeated, or neither text nor integers): {string.Join(", ", Skipped)}"));
            await emit(note).ConfigureAwait(false);
        }
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            foreach (var field in _fields)
            {
                string?[] values;
                try
                {
                    values = await ReadAsync(group, field, rows, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
                {
                    Complete = false;
                    var stop = new EmptyBatch { FirstRow = firstRow, Group = -firstRow - 1 };
                    stop.Problems.Add(new ScanProblem("unreadable", firstRow, _stream!.Position,
                        $"row group {g + 1}, column {field.Path}: {e.Message}; the scan stopped here"));
                    await emit(stop).ConfigureAwait(false);
                    return;
                }
                for (var from = 0; from < rows; from += SliceRows)
                {
                    var count = Math.Min(SliceRows, rows - from);
                    await emit(new ParquetBatch(field.Path.ToString(), values, from, count, integer: !IsText(field))
                    { FirstRow = firstRow + from, Group = g, GroupFirstRow = firstRow, GroupRowCount = rows }).ConfigureAwait(false);
                }
                options.Progress?.Report(new ScanProgress(_stream!.Position, _stream.Length, firstRow + rows - 1));
            }
            if (_fields.Length == 0 && rows > 0)
                await emit(new EmptyBatch { FirstRow = firstRow, Group = g, GroupFirstRow = firstRow, GroupRowCount = rows }).ConfigureAwait(false);
            firstRow += rows;
        }
    }

    private static async Task<string?[]> ReadAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        if (IsText(field))
        {
            var strings = new string?[rows];
            await group.ReadAsync(field, strings.AsMemory(), null, ct).ConfigureAwait(false);
            return strings;
        }
        if (field.ClrType == typeof(long))
        {
            var longs = new long?[rows];
            await group.ReadAsync<long>(field, longs.AsMemory(), null, ct).ConfigureAwait(false);
            return [.. longs.Select(v => v?.ToString(CultureInfo.InvariantCulture))];
        }
        var ints = new int?[rows];
        await group.ReadAsync<int>(field, ints.AsMemory(), null, ct).ConfigureAwait(false);
        return [.. ints.Select(v => v?.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Starts the redacted copy of this file (after <see cref="OpenAsync"/>): the scanned columns redacted, the rest as read.</summary>
    public async Task<IRedactedCopy> CreateCopyAsync(string target, CancellationToken cancellationToken) =>
        await ParquetRedactedCopy.CreateAsync(path, target, _fields, cancellationToken).ConfigureAwait(false);

    public Task<string> Sha256Async(CancellationToken cancellationToken) => _digest!;

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
        if (_stream is not null) await _stream.DisposeAsync().ConfigureAwait(false);
        if (_digest is not null) { try { await _digest.ConfigureAwait(false); } catch (Exception e) when (e is IOException or OperationCanceledException) { } }
    }
}
