using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Steward.Drift.Io;

/// <summary>
/// Reads a Parquet file's flat columns into a <see cref="RawTable"/>: numbers as their round-trip text (so the common
/// typing applies), strings and booleans as labels; nested, list and other-typed columns are refused by name.
/// </summary>
internal static class ParquetTable
{
    public static RawTable Read(string path) => Read(path, () => File.OpenRead(path), null);

    /// <summary>
    /// Reads Parquet from a stream <paramref name="open"/> returns (disposed after reading); <paramref name="path"/> names it in
    /// errors. With <paramref name="perGroup"/>, each row group's table (rows numbered from 1 across the file) is handed over as it
    /// is read and the returned table has no rows, so memory is bounded by a row group.
    /// </summary>
    public static RawTable Read(string path, Func<Stream> open, Action<RawTable>? perGroup)
    {
        try
        {
            return ReadAsync(path, open, perGroup).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not DriftException and not FileNotFoundException and not DirectoryNotFoundException and not UnauthorizedAccessException)
        {
            throw new DriftException($"{path}: not a readable Parquet file ({e.Message})", e);
        }
    }

    /// <summary>The flat columns' names from the file's schema, reading no row.</summary>
    public static string[] Names(string path)
    {
        try
        {
            return NamesAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not DriftException and not FileNotFoundException and not DirectoryNotFoundException and not UnauthorizedAccessException)
        {
            throw new DriftException($"{path}: not a readable Parquet file ({e.Message})", e);
        }
    }

    private static async Task<string[]> NamesAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return reader.Schema.GetDataFields().Select(f => f.Name).ToArray();
    }

    private static async Task<RawTable> ReadAsync(string path, Func<Stream> open, Action<RawTable>? perGroup)
    {
        await using var stream = open();
        var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        if (reader.Schema.Fields.Count != fields.Length || fields.Any(f => f.IsArray))
            throw new DriftException($"{path}: nested and list columns are not supported");
        var names = fields.Select(f => f.Name).ToArray();
        var cells = fields.Select(_ => new List<string?>()).ToArray();
        var text = new bool[fields.Length];
        var firstRow = 1;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            for (var f = 0; f < fields.Length; f++)
                text[f] = await ReadColumnAsync(path, group, fields[f], rows, cells[f]).ConfigureAwait(false);
            if (perGroup is null) continue;
            perGroup(Table(path, names, cells, text, firstRow));
            firstRow += rows;
            cells = fields.Select(_ => new List<string?>()).ToArray();
        }
        return Table(path, names, cells, text, firstRow);
    }

    private static RawTable Table(string path, string[] names, List<string?>[] cells, bool[] text, int firstRow)
    {
        var lines = Enumerable.Range(firstRow, cells.Length == 0 ? 0 : cells[0].Count).ToList();
        var table = new RawTable(path, names, cells, lines) { LineWord = "row" };
        for (var f = 0; f < text.Length; f++) if (text[f]) table.TextColumns.Add(f);
        return table;
    }

    /// <summary>Appends one row group's values; returns whether the column holds text rather than numbers.</summary>
    private static async Task<bool> ReadColumnAsync(string path, ParquetRowGroupReader group, DataField field, int rows, List<string?> into)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
            into.AddRange(values);
            return true;
        }
        if (type == typeof(bool))
        {
            foreach (var v in await Nullable<bool>(group, field, rows).ConfigureAwait(false)) into.Add(v is { } b ? (b ? "true" : "false") : null);
            return true;
        }
        if (type == typeof(double)) Add(into, await Nullable<double>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(float)) Add(into, await Nullable<float>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(long)) Add(into, await Nullable<long>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(int)) Add(into, await Nullable<int>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(short)) Add(into, await Nullable<short>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(sbyte)) Add(into, await Nullable<sbyte>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(byte)) Add(into, await Nullable<byte>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(ushort)) Add(into, await Nullable<ushort>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(uint)) Add(into, await Nullable<uint>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(ulong)) Add(into, await Nullable<ulong>(group, field, rows).ConfigureAwait(false), v => v);
        else if (type == typeof(decimal)) Add(into, await Nullable<decimal>(group, field, rows).ConfigureAwait(false), v => (double)v);
        else throw new DriftException($"{path}: column '{field.Name}' has type {type.Name}, which drift does not compare");
        return false;
    }

    private static async Task<T?[]> Nullable<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
            return values;
        }
        var plain = new T[rows];
        await group.ReadAsync(field, plain.AsMemory(), null).ConfigureAwait(false);
        for (var i = 0; i < rows; i++) values[i] = plain[i];
        return values;
    }

    private static void Add<T>(List<string?> into, T?[] values, Func<T, double> convert)
        where T : struct
    {
        foreach (var v in values) into.Add(v is { } x ? convert(x).ToString("R", CultureInfo.InvariantCulture) : null);
    }
}
