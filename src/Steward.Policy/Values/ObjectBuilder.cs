namespace Steward.Policy.Values;

/// <summary>Builds an <see cref="ObjectValue"/>; a later value for an equal key replaces the earlier one.</summary>
public sealed class ObjectBuilder
{
    private readonly List<KeyValuePair<Value, Value>> _entries = [];

    /// <summary>The number of entries added so far (before duplicates are merged).</summary>
    public int Count => _entries.Count;

    /// <summary>Adds or replaces an entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(Value key, Value value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(new(key, value));
    }

    /// <summary>Builds the object.</summary>
    /// <returns>The object.</returns>
    public ObjectValue Build()
    {
        var n = _entries.Count;
        if (n == 0)
        {
            return ObjectValue.Empty;
        }

        // Stable sort by key keeps insertion order among equal keys, so the last one wins below.
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var c = Value.Compare(_entries[x].Key, _entries[y].Key);
            return c != 0 ? c : x.CompareTo(y);
        });

        var keys = new List<Value>(n);
        var values = new List<Value>(n);
        foreach (var i in order)
        {
            var (k, v) = _entries[i];
            if (keys.Count > 0 && keys[^1].Equals(k))
            {
                values[^1] = v;
            }
            else
            {
                keys.Add(k);
                values.Add(v);
            }
        }

        return ObjectValue.FromSorted([.. keys], [.. values]);
    }
}
