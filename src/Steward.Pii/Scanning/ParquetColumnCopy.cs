using System.Reflection;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Steward.Pii.Scanning;

/// <summary>Copies one column chunk from a row group being read to the row group being written.</summary>
internal static class ParquetColumnCopy
{
    private static readonly MethodInfo RawOfType = typeof(ParquetColumnCopy).GetMethod(nameof(RawTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>As stored: values with their definition and repetition levels (any type, nested or repeated).</summary>
    public static async Task RawAsync(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField from, DataField to, CancellationToken cancellationToken)
    {
        using var raw = await source.ReadRawColumnDataBaseAsync(from, cancellationToken).ConfigureAwait(false);
        var type = raw.GetType().GetGenericArguments()[0];
        await ((Task)RawOfType.MakeGenericMethod(type).Invoke(null, [raw, target, to, cancellationToken])!).ConfigureAwait(false);
    }

    private static Task RawTypedAsync<T>(RawColumnData raw, ParquetRowGroupWriter target, DataField to, CancellationToken cancellationToken) where T : struct
    {
        var typed = (RawColumnData<T>)raw;
        // A flat column that allows no nulls has no levels; written as plain values (the all-parts writer counts rows by levels).
        if (to.MaxDefinitionLevel == 0 && to.MaxRepetitionLevel == 0) return target.WriteAsync<T>(to, typed.Values.ToArray(), null, null, cancellationToken);
        ReadOnlyMemory<int>? definitions = to.MaxDefinitionLevel > 0 ? raw.DefinitionLevels.ToArray() : null;
        ReadOnlyMemory<int>? repetitions = to.MaxRepetitionLevel > 0 ? raw.RepetitionLevels.ToArray() : null;
        return target.WriteAllPartsAsync<T>(to, typed.Values.ToArray(), definitions, repetitions, cancellationToken);
    }

    /// <summary>A flat text or integer column with <paramref name="changes"/> (row within the group, new value) applied.</summary>
    public static async Task RedactedAsync(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField from, DataField to, int rows,
        List<(int Row, string? Value)> changes, CancellationToken cancellationToken)
    {
        if (ParquetRowSource.IsText(from))
        {
            var strings = new string?[rows];
            await source.ReadAsync(from, strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            foreach (var (row, value) in changes) strings[row] = value;
            await target.WriteAsync(to, strings, null).ConfigureAwait(false);
        }
        else if (from.ClrType == typeof(long)) await IntegersAsync<long>(source, target, from, to, rows, changes, cancellationToken).ConfigureAwait(false);
        else await IntegersAsync<int>(source, target, from, to, rows, changes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task IntegersAsync<T>(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField from, DataField to, int rows,
        List<(int Row, string? Value)> changes, CancellationToken cancellationToken) where T : struct
    {
        var values = new T?[rows];
        await source.ReadAsync<T>(from, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        foreach (var (row, _) in changes) values[row] = null;
        await target.WriteAsync<T>(to, (ReadOnlyMemory<T?>)values, null, null, cancellationToken).ConfigureAwait(false);
    }
}
