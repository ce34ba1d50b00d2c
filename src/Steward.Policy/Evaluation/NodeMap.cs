using Steward.Policy.Compilation;

namespace Steward.Policy.Evaluation;

/// <summary>
/// A per-query map from rule nodes to values: an array indexed by <see cref="RuleNode.Id"/> (numbered when the
/// policy is compiled), so the rule cache of a decision costs one small array instead of a growing hash table.
/// Nodes created later (by queries naming paths no module defines) fall back to a dictionary.
/// </summary>
internal sealed class NodeMap<T>(int size)
    where T : class
{
    private readonly T?[] _items = new T?[size];
    private Dictionary<RuleNode, T>? _extra;

    // The range of ids written since the last clear: a decision touches the nodes of one package, which the
    // tree's numbering keeps together, so clearing the range costs far less than clearing the whole array.
    private int _low = int.MaxValue;
    private int _high = -1;

    /// <summary>Empties the map for reuse by a query on a policy with <paramref name="size"/> numbered nodes; false when the size differs.</summary>
    public bool TryClear(int size)
    {
        if (size != _items.Length)
        {
            return false;
        }

        if (_high >= _low)
        {
            Array.Clear(_items, _low, _high - _low + 1);
        }

        _low = int.MaxValue;
        _high = -1;
        _extra = null;
        return true;
    }

    public bool TryGetValue(RuleNode node, out T value)
    {
        var id = node.Id;
        if ((uint)id < (uint)_items.Length)
        {
            value = _items[id]!;
            return value is not null;
        }

        if (_extra is not null && _extra.TryGetValue(node, out var found))
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    public T this[RuleNode node]
    {
        set
        {
            var id = node.Id;
            if ((uint)id < (uint)_items.Length)
            {
                // The array is created here as exactly T?[], never a covariant array of a derived type, so the
                // runtime's per-store type check (a large part of a rule cache write) is redundant.
                System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_items), id) = value;
                if (id < _low)
                {
                    _low = id;
                }

                if (id > _high)
                {
                    _high = id;
                }
            }
            else
            {
                (_extra ??= [])[node] = value;
            }
        }
    }
}
