using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Steward.Policy.Values;

/// <summary>
/// A growable list of values for the evaluator's reused collectors. Unlike <see cref="List{T}"/> of an abstract
/// element type, an append is a plain store: the array is created here as exactly <c>Value[]</c>, so the runtime's
/// per-store covariance check (a call on every <c>List&lt;Value&gt;.Add</c>) is redundant.
/// </summary>
internal sealed class ValueBuffer
{
    private Value[] _items = new Value[4];
    private int _count;

    public int Count => _count;

    /// <summary>The values so far (valid until the next change).</summary>
    public ReadOnlySpan<Value> Span => _items.AsSpan(0, _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Value value)
    {
        var items = _items;
        var count = _count;
        if ((uint)count < (uint)items.Length)
        {
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), count) = value;
            _count = count + 1;
            return;
        }

        Grow(value);
    }

    public void AddRange(ReadOnlySpan<Value> values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    public bool Contains(Value value)
    {
        foreach (var item in Span)
        {
            if (item.Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Empties the buffer, dropping its references so that a reused buffer keeps no value alive.</summary>
    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
        }
    }

    /// <summary>A copy of the values.</summary>
    public Value[] ToArray() => Span.ToArray();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(Value value)
    {
        Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = value;
    }
}
