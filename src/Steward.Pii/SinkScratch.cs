namespace Steward.Pii;

/// <summary>Arrays the engine's per-result stages reuse from one analysis to the next (one set per thread, with the sink).</summary>
internal sealed class SinkScratch
{
    private long[] _keys = new long[64];
    private int[] _order = new int[64];

    /// <summary>Room for the entity types seen in one text (the overlap check).</summary>
    public string?[] Types { get; } = new string?[16];

    /// <summary>
    /// The indices of <paramref name="results"/> in <see cref="ResultOrder"/>: sorted by one 64-bit key (start, then
    /// longer first), ties then put in the full order; no sort at all when they are already in order.
    /// </summary>
    public ReadOnlySpan<int> Order(ReadOnlySpan<PendingResult> results)
    {
        var n = results.Length;
        if (_keys.Length < n)
        {
            _keys = new long[Math.Max(n, _keys.Length * 2)];
            _order = new int[_keys.Length];
        }
        var keys = _keys.AsSpan(0, n);
        var order = _order.AsSpan(0, n);
        var sorted = true;
        var ties = false;
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((long)results[i].Start << 32) | (uint)(int.MaxValue - results[i].End);
            order[i] = i;
            if (i > 0 && keys[i] <= keys[i - 1])
            {
                sorted = false;
                ties |= keys[i] == keys[i - 1];
            }
        }
        if (sorted) return order;
        keys.Sort(order);
        for (var i = 1; i < n && !ties; i++) ties = keys[i] == keys[i - 1];
        if (ties) SortTies(results, keys, order);
        return order;
    }

    /// <summary>Insertion sort, by the full order, of each run of equal keys (results on the same span: few).</summary>
    private static void SortTies(ReadOnlySpan<PendingResult> results, ReadOnlySpan<long> keys, Span<int> order)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] == keys[start]) continue;
            for (var j = start + 1; j < i; j++)
            {
                var item = order[j];
                var k = j - 1;
                while (k >= start && ResultOrder.Compare(results[order[k]], results[item]) > 0)
                {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = item;
            }
            start = i;
        }
    }
}
