using System.Runtime.InteropServices;

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

        return n <= SmallObject ? BuildSmall(n) : BuildSorted(n);
    }

    /// <summary>Up to this many entries are placed by insertion (no index array, no comparison delegate).</summary>
    private const int SmallObject = 16;

    /// <summary>
    /// Inserts each entry at its key's place; an entry whose key is already there replaces its value, so the last
    /// one wins, as in <see cref="BuildSorted"/>. Stores go through spans, which skip the per-store type check of
    /// an array of the abstract <see cref="Value"/>.
    /// </summary>
    private ObjectValue BuildSmall(int n)
    {
        var entries = CollectionsMarshal.AsSpan(_entries);
        var keyArray = new Value[n];
        var valueArray = new Value[n];
        Span<Value> keys = keyArray;
        Span<Value> values = valueArray;
        var count = 0;
        foreach (var (key, value) in entries)
        {
            var at = count - 1;
            var c = 1;
            while (at >= 0 && (c = Value.Compare(keys[at], key)) > 0)
            {
                at--;
            }

            if (at >= 0 && c == 0)
            {
                values[at] = value;
                continue;
            }

            at++;
            for (var i = count; i > at; i--)
            {
                keys[i] = keys[i - 1];
                values[i] = values[i - 1];
            }

            keys[at] = key;
            values[at] = value;
            count++;
        }

        return count == n
            ? ObjectValue.FromSorted(keyArray, valueArray)
            : ObjectValue.FromSorted(keys[..count].ToArray(), values[..count].ToArray());
    }

    private ObjectValue BuildSorted(int n)
    {
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
