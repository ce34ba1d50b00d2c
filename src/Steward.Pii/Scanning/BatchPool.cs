using System.Buffers;
using System.Collections.Concurrent;

namespace Steward.Pii.Scanning;

/// <summary>
/// The large per-batch collections (the cell list and the per-cell result array), reused: allocated fresh for each
/// batch they land on the large-object heap and bring on full collections every few batches.
/// </summary>
internal static class BatchPool
{
    private const int MaxKept = 16; // a few batches are in flight per core
    private static readonly ConcurrentBag<List<Cell>> CellLists = [];

    public static List<Cell> RentCells() => CellLists.TryTake(out var list) ? list : [];

    public static List<RecognizerResult>[] RentResults(int count) => count == 0 ? [] : ArrayPool<List<RecognizerResult>>.Shared.Rent(count);

    /// <summary>Takes back a batch's collections (emptied, so no text or result stays reachable).</summary>
    public static void Return(List<Cell> cells, List<RecognizerResult>[] results)
    {
        cells.Clear();
        if (cells.Capacity <= 1 << 20 && CellLists.Count < MaxKept) CellLists.Add(cells);
        if (results.Length > 0) ArrayPool<List<RecognizerResult>>.Shared.Return(results, clearArray: true);
    }
}
