namespace Steward.Policy.Values;

/// <summary>Lookup in a sorted, duplicate-free array of values: linear for short arrays, hashed for long ones.</summary>
internal sealed class SortedValues
{
    private const int LinearLimit = 8;
    private readonly Value[] _items;
    private Dictionary<Value, int>? _index;

    public SortedValues(Value[] items) => _items = items;

    public Value[] Items => _items;

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

        values.AsSpan(0, count).Sort(ValueComparer.Comparison);
        var n = 1;
        for (var i = 1; i < count; i++)
        {
            if (!values[i].Equals(values[n - 1]))
            {
                values[n++] = values[i];
            }
        }

        return n == values.Length ? values : values[..n];
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
