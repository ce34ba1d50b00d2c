namespace Steward.Policy.Values;

/// <summary>A Rego object. Keys may be any value and are kept sorted, so iteration follows OPA's order.</summary>
public sealed class ObjectValue : Value
{
    /// <summary>The empty object.</summary>
    public static readonly ObjectValue Empty = new(new SortedValues([]), []);

    // Not readonly: the lookup index is built in place (a readonly struct field would be copied for each call).
    private SortedValues _keys;
    private readonly Value[] _values;
    private int _hash;

    private ObjectValue(SortedValues keys, Value[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Object;

    /// <summary>The number of entries.</summary>
    public int Count => _values.Length;

    /// <summary>The keys in sorted order.</summary>
    public ReadOnlySpan<Value> Keys => _keys.Items;

    /// <summary>The values, in the order of <see cref="Keys"/>.</summary>
    public ReadOnlySpan<Value> Values => _values;

    /// <summary>Creates an object from entries; a later entry with an equal key replaces an earlier one.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The object.</returns>
    public static ObjectValue From(IEnumerable<KeyValuePair<Value, Value>> entries)
    {
        var builder = new ObjectBuilder();
        foreach (var (k, v) in entries)
        {
            builder.Set(k, v);
        }

        return builder.Build();
    }

    /// <summary>Creates an object from string keys.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The object.</returns>
    public static ObjectValue From(IEnumerable<KeyValuePair<string, Value>> entries)
    {
        var builder = new ObjectBuilder();
        foreach (var (k, v) in entries)
        {
            // Hashed once, as parsed keys are (see ValueJson): lookups by constant keys then compare hashes first.
            var key = new StringValue(k);
            _ = key.GetHashCode();
            builder.Set(key, v);
        }

        return builder.Build();
    }

    /// <summary>Creates an object from sorted, distinct keys and their values.</summary>
    internal static ObjectValue FromSorted(Value[] keys, Value[] values) =>
        keys.Length == 0 ? Empty : new ObjectValue(new SortedValues(keys), values);

    /// <summary>The value under a key, or null when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value or null.</returns>
    public Value? Get(Value key)
    {
        var i = _keys.IndexOf(key);
        return i < 0 ? null : _values[i];
    }

    /// <summary>
    /// The value under a key, trying position <paramref name="hint"/> first and leaving there the position the key
    /// was found at. A compiled reference keeps one hint per constant key: objects of one shape (each decision's
    /// input) hold the key at the same position, so the lookup is one comparison instead of a scan. The hint is
    /// only a guess, so threads sharing it may overwrite each other freely.
    /// </summary>
    internal Value? Get(Value key, ref int hint)
    {
        var keys = _keys.Items;
        var at = hint;
        if ((uint)at < (uint)keys.Length && keys[at].Equals(key))
        {
            return _values[at];
        }

        at = _keys.IndexOf(key);
        if (at < 0)
        {
            return null;
        }

        hint = at;
        return _values[at];
    }

    /// <summary>The value under a string key, or null when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value or null.</returns>
    public Value? Get(string key)
    {
        var keys = _keys.Items;
        if (keys.Length <= 8)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is StringValue s && string.Equals(s.Value, key, StringComparison.Ordinal))
                {
                    return _values[i];
                }
            }

            return null;
        }

        return Get(new StringValue(key));
    }

    /// <inheritdoc />
    public override bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ObjectValue o || o.Count != Count || o.GetHashCode() != GetHashCode())
        {
            return false;
        }

        var ak = _keys.Items;
        var bk = o._keys.Items;
        for (var i = 0; i < ak.Length; i++)
        {
            if (!ak[i].Equals(bk[i]) || !_values[i].Equals(o._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            h.Add((int)ValueKind.Object);
            var keys = _keys.Items;
            for (var i = 0; i < keys.Length; i++)
            {
                h.Add(keys[i].GetHashCode());
                h.Add(_values[i].GetHashCode());
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    private protected override int CompareSameKind(Value other)
    {
        // OPA compares objects by their sorted keys first, then by the values in key order.
        var o = (ObjectValue)other;
        var ak = _keys.Items;
        var bk = o._keys.Items;
        var n = Math.Min(ak.Length, bk.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(ak[i], bk[i]);
            if (c != 0)
            {
                return c;
            }

            c = Compare(_values[i], o._values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return ak.Length.CompareTo(bk.Length);
    }
}
