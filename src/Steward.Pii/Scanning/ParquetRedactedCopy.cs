using Parquet;
using Parquet.Schema;

namespace Steward.Pii.Scanning;

/// <summary>
/// The redacted copy of a Parquet file, written row group by row group as the scan's batches arrive in file order:
/// the same schema, row groups and custom metadata; in a column with findings a text value is replaced by its
/// redacted text and an integer value by null (a scanned integer column that does not allow nulls is written as one
/// that does); every other column chunk is copied as read (values, definition and repetition levels). One row
/// group's replacements are held at a time. Written to a temporary file beside the target, moved over it on commit.
/// </summary>
internal sealed class ParquetRedactedCopy : IRedactedCopy
{
    private readonly string _target;
    private readonly string _temp;
    private readonly FileStream _input;
    private readonly ParquetReader _reader;
    private readonly FileStream _output;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _from;
    private readonly DataField[] _to;
    private readonly Dictionary<string, List<(int Row, string? Value)>> _pending = new(StringComparer.Ordinal);
    private int _pendingGroup = -1;
    private int _next;
    private bool _committed;

    private ParquetRedactedCopy(string target, string temp, FileStream input, ParquetReader reader, FileStream output, ParquetWriter writer, DataField[] from, DataField[] to)
    {
        (_target, _temp, _input, _reader, _output, _writer, _from, _to) = (target, temp, input, reader, output, writer, from, to);
    }

    /// <summary>Opens <paramref name="source"/> again for copying and starts the copy; <paramref name="scanned"/> are the columns analysed.</summary>
    public static async Task<ParquetRedactedCopy> CreateAsync(string source, string target, IReadOnlyCollection<DataField> scanned, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new PiiRequestException($"the folder of the redacted copy does not exist: {folder}");
        if (string.Equals(full, Path.GetFullPath(source), StringComparison.Ordinal)) throw new PiiRequestException("the redacted copy cannot replace the file being scanned");
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        FileStream? output = null;
        try
        {
            var reader = await ParquetReader.CreateAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (schema, from, to) = CopySchema(reader.Schema, scanned);
            output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = reader.CustomMetadata;
            return new ParquetRedactedCopy(full, temp, input, reader, output, writer, from, to);
        }
        catch
        {
            await input.DisposeAsync().ConfigureAwait(false);
            if (output is not null)
            {
                await output.DisposeAsync().ConfigureAwait(false);
                File.Delete(temp);
            }
            throw;
        }
    }

    /// <summary>The copy's schema: the source's, with scanned integer columns that do not allow nulls made nullable.</summary>
    private static (ParquetSchema Schema, DataField[] From, DataField[] To) CopySchema(ParquetSchema source, IReadOnlyCollection<DataField> scanned)
    {
        var paths = scanned.Where(f => !ParquetRowSource.IsText(f) && !f.IsNullable).Select(f => f.Path.ToString()).ToHashSet(StringComparer.Ordinal);
        var top = new List<Field>(source.Fields.Count);
        foreach (var field in source.Fields)
        {
            top.Add(field is DataField d && paths.Remove(d.Path.ToString()) ? new DataField(d.Name, d.ClrType, isNullable: true) : field);
        }
        if (paths.Count > 0)
            throw new PiiRequestException($"cannot write a redacted copy: the integer column '{paths.First()}' sits inside a group and does not allow nulls; leave it out with --columns");
        var schema = new ParquetSchema(top);
        return (schema, source.GetDataFields(), schema.GetDataFields());
    }

    public async Task AddAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Group < 0) return; // notes and the batch that stopped a scan (whose copy is then not committed)
        await WriteGroupsBeforeAsync((int)batch.Group, cancellationToken).ConfigureAwait(false);
        if (batch is not ParquetBatch { Replacements.Count: > 0 } slice) return;
        _pendingGroup = (int)batch.Group;
        if (!_pending.TryGetValue(slice.Column, out var list)) _pending[slice.Column] = list = [];
        list.AddRange(slice.Replacements);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await WriteGroupsBeforeAsync(_reader.RowGroupCount, cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _output.DisposeAsync().ConfigureAwait(false);
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    private async Task WriteGroupsBeforeAsync(int group, CancellationToken cancellationToken)
    {
        for (; _next < group; _next++)
        {
            await WriteGroupAsync(_next, cancellationToken).ConfigureAwait(false);
            if (_pendingGroup == _next) _pending.Clear();
        }
    }

    private async Task WriteGroupAsync(int g, CancellationToken cancellationToken)
    {
        using var source = _reader.OpenRowGroupReader(g);
        using var target = _writer.CreateRowGroup();
        var rows = checked((int)source.RowCount);
        for (var i = 0; i < _from.Length; i++)
        {
            var changes = _pendingGroup == g && _pending.TryGetValue(_from[i].Path.ToString(), out var list) ? list : null;
            if (changes is null && _from[i].IsNullable == _to[i].IsNullable) await ParquetColumnCopy.RawAsync(source, target, _from[i], _to[i], cancellationToken).ConfigureAwait(false);
            else await ParquetColumnCopy.RedactedAsync(source, target, _from[i], _to[i], rows, changes ?? [], cancellationToken).ConfigureAwait(false);
        }
        target.CompleteValidate();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _output.DisposeAsync().ConfigureAwait(false);
            File.Delete(_temp);
        }
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _input.DisposeAsync().ConfigureAwait(false);
    }
}
