using System.Buffers;
using System.Collections.Concurrent;

namespace Steward.Pii.Scanning;

/// <summary>
/// The large per-batch collections (the cell list, the findings list and the per-cell index into it), reused:
/// allocated fresh for each batch they land on the large-object heap and bring on full collections every few batches.
/// </summary>
internal static class BatchPool
{
    private const int MaxKept = 16; // a few batches are in flight per core
    private static readonly ConcurrentBag<List<Cell>> CellLists = [];
    private static readonly ConcurrentBag<List<Finding>> FindingLists = [];

    public static List<Cell> RentCells() => CellLists.TryTake(out var list) ? list : [];

    public static List<Finding> RentFindings() => FindingLists.TryTake(out var list) ? list : [];

    public static int[] RentEnds(int count) => count == 0 ? [] : ArrayPool<int>.Shared.Rent(count);

    /// <summary>Takes back a batch's collections (emptied, so no text or entity type stays reachable).</summary>
    public static void Return(List<Cell> cells, List<Finding> findings, int[] ends)
    {
        cells.Clear();
        if (cells.Capacity <= 1 << 20 && CellLists.Count < MaxKept) CellLists.Add(cells);
        findings.Clear();
        if (findings.Capacity <= 1 << 20 && FindingLists.Count < MaxKept) FindingLists.Add(findings);
        if (ends.Length > 0) ArrayPool<int>.Shared.Return(ends);
    }
}
