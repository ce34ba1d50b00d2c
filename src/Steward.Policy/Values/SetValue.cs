namespace Steward.Policy.Values;

/// <summary>A Rego set. Elements are kept sorted, so iteration follows OPA's order.</summary>
public sealed class SetValue : Value
{
    /// <summary>The empty set.</summary>
    public static readonly SetValue Empty = new(new SortedValues([]));

    // Not readonly: the lookup index is built in place (a readonly struct field would be copied for each call).
    private SortedValues _items;
    private int _hash;

    private SetValue(SortedValues items) => _items = items;

    /// <summary>Creates a set from values in any order, with or without duplicates.</summary>
    /// <param name="items">The elements.</param>
    /// <returns>The set.</returns>
    public static SetValue From(IEnumerable<Value> items)
    {
        Value[] array = [.. items];
        return FromOwned(array, array.Length);
    }

    /// <summary>Creates a set that takes ownership of the first <paramref name="count"/> slots of <paramref name="items"/>.</summary>
    internal static SetValue FromOwned(Value[] items, int count) =>
        count == 0 ? Empty : new SetValue(new SortedValues(SortedValues.SortDistinct(items, count)));

    /// <summary>Creates a set from elements already sorted and distinct.</summary>
    internal static SetValue FromSorted(Value[] items) => items.Length == 0 ? Empty : new SetValue(new SortedValues(items));

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Set;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Items.Length;

    /// <summary>The elements in sorted order.</summary>
    public ReadOnlySpan<Value> Items => _items.Items;

    internal Value[] ItemArray => _items.Items;

    /// <summary>Whether the set holds a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when it is an element.</returns>
    public bool Contains(Value value) => _items.IndexOf(value) >= 0;

    /// <inheritdoc />
    public override bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not SetValue s || s.Count != Count || s.GetHashCode() != GetHashCode())
        {
            return false;
        }

        var a = _items.Items;
        var b = s._items.Items;
        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
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
            h.Add((int)ValueKind.Set);
            foreach (var item in _items.Items)
            {
                h.Add(item.GetHashCode());
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    private protected override int CompareSameKind(Value other)
    {
        var a = _items.Items;
        var b = ((SetValue)other)._items.Items;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
