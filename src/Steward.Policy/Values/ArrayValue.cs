namespace Steward.Policy.Values;

/// <summary>A Rego array.</summary>
public sealed class ArrayValue : Value
{
    /// <summary>The empty array.</summary>
    public static readonly ArrayValue Empty = new([]);

    private readonly Value[] _items;
    private int _hash;

    /// <summary>Creates an array that takes ownership of <paramref name="items"/>.</summary>
    /// <param name="items">The elements; the caller must not change the array afterwards.</param>
    public ArrayValue(Value[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
    }

    /// <summary>Creates an array from a sequence.</summary>
    /// <param name="items">The elements.</param>
    /// <returns>The array.</returns>
    public static ArrayValue From(IEnumerable<Value> items) => new([.. items]);

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Array;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at an index.</summary>
    /// <param name="index">The 0-based index.</param>
    public Value this[int index] => _items[index];

    /// <summary>The elements.</summary>
    public ReadOnlySpan<Value> Items => _items;

    /// <inheritdoc />
    public override bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ArrayValue a || a._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(a._items[i]))
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
            h.Add((int)ValueKind.Array);
            foreach (var item in _items)
            {
                h.Add(item.GetHashCode());
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    private protected override int CompareSameKind(Value other)
    {
        var a = ((ArrayValue)other)._items;
        var n = Math.Min(_items.Length, a.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(_items[i], a[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _items.Length.CompareTo(a.Length);
    }
}
