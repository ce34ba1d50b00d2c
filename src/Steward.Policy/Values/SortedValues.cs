namespace Steward.Policy.Values;

/// <summary>
/// Lookup in a sorted, duplicate-free array of values: linear for short arrays, hashed for long ones. A struct
/// held in a (non-readonly) field of its set or object, so a collection is one object less; it must never be
/// copied, or the copy builds its own index.
/// </summary>
internal struct SortedValues(Value[] items)
{
    private const int LinearLimit = 8;
    private readonly Value[] _items = items;
    private Dictionary<Value, int>? _index;

    public readonly Value[] Items => _items;

    public int IndexOf(Value value)
    {
        var items = _items;
        if (items.Length <= LinearLimit)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i].Equals(value))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index ??= BuildIndex(items);
        return index.TryGetValue(value, out var at) ? at : -1;
    }

    /// <summary>Sorts values and removes duplicates, in place where it can.</summary>
    public static Value[] SortDistinct(Value[] values, int count)
    {
        if (count == 0)
        {
            return [];
        }

        // Through a span: its stores skip the per-store covariance check of an array of an abstract type.
        var span = values.AsSpan(0, count);
        if (count <= SmallSort)
        {
            InsertionSort(span);
        }
        else
        {
            span.Sort(ValueComparer.Comparison);
        }

        var n = 1;
        for (var i = 1; i < count; i++)
        {
            if (!span[i].Equals(span[n - 1]))
            {
                span[n++] = span[i];
            }
        }

        return n == values.Length ? values : values[..n];
    }

    /// <summary>Up to this many values are sorted by insertion, without the general sort's comparison delegate.</summary>
    private const int SmallSort = 12;

    private static void InsertionSort(Span<Value> span)
    {
        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && Value.Compare(span[j], item) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }
    }

    private static Dictionary<Value, int> BuildIndex(Value[] items)
    {
        var index = new Dictionary<Value, int>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            index[items[i]] = i;
        }

        return index;
    }
}
