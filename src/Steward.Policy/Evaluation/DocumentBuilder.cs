using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>
/// Collects the entries of multi-value rules: elements of a partial set, or values under (possibly several
/// levels of) keys of a partial object. Reports a conflict when one key gets two different values.
/// </summary>
internal sealed class DocumentBuilder(bool set)
{
    private readonly Level _root = new();
    private readonly ValueBuffer _order = new();
    private HashSet<Value>? _seen;
    private bool _set = set;

    /// <summary>Empties the builder for the next document (a set or an object); its lists are kept for reuse.</summary>
    public void Reset(bool set)
    {
        _set = set;
        _order.Clear();
        _seen = null;
        _root.Children = null;
        _root.Leaves = null;
        if (set)
        {
            _root.Elements?.Clear();
        }
        else
        {
            _root.Elements = null;
        }
    }

    /// <summary>The top-level keys (or set elements) in the order the rules produced them, as OPA enumerates them.</summary>
    public ReadOnlySpan<Value> Order => _order.Span;

    /// <summary>Adds an entry; false when it conflicts with an earlier one.</summary>
    public bool Add(Value[] path, Value value)
    {
        var first = path.Length > 0 ? path[0] : value;
        if (_order.Count < 8 ? !_order.Contains(first) : (_seen ??= [.. _order.Span]).Add(first))
        {
            _order.Add(first);
        }

        var level = _root;
        var last = _set ? path.Length : path.Length - 1;
        for (var i = 0; i < last; i++)
        {
            level.Children ??= [];
            if (!level.Children.TryGetValue(path[i], out var next))
            {
                if (level.Leaves?.ContainsKey(path[i]) == true)
                {
                    return false;
                }

                next = new Level();
                level.Children[path[i]] = next;
            }

            level = next;
        }

        if (_set)
        {
            (level.Elements ??= new()).Add(value);
            return true;
        }

        var key = path[^1];
        level.Leaves ??= [];
        if (level.Leaves.TryGetValue(key, out var existing))
        {
            return existing.Equals(value);
        }

        if (level.Children?.ContainsKey(key) == true)
        {
            return false;
        }

        level.Leaves[key] = value;
        return true;
    }

    /// <summary>Merges a whole document (the value of a static child rule) under a key; false on a conflict.</summary>
    public bool Merge(Value key, Value value) => Merge(_root, key, value);

    private static bool Merge(Level level, Value key, Value value)
    {
        if (level.Leaves?.TryGetValue(key, out var existing) == true)
        {
            return existing.Equals(value);
        }

        if (level.Children?.TryGetValue(key, out var child) == true)
        {
            switch (value)
            {
                case SetValue set when child.Elements is not null:
                    child.Elements.AddRange(set.Items);
                    return true;
                case ObjectValue obj when child.Elements is null:
                    for (var i = 0; i < obj.Count; i++)
                    {
                        if (!Merge(child, obj.Keys[i], obj.Values[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        (level.Leaves ??= [])[key] = value;
        return true;
    }

    public Value Build() => Build(_root);

    private Value Build(Level level)
    {
        // An empty list is one kept by Reset for reuse: no elements were added.
        if (level.Elements is { Count: > 0 })
        {
            return SetValue.FromOwned(level.Elements.ToArray(), level.Elements.Count);
        }

        if (level.Children is null && level.Leaves is null)
        {
            return _set && ReferenceEquals(level, _root) ? SetValue.Empty : ObjectValue.Empty;
        }

        var builder = new ObjectBuilder();
        if (level.Leaves is not null)
        {
            foreach (var (k, v) in level.Leaves)
            {
                builder.Set(k, v);
            }
        }

        if (level.Children is not null)
        {
            foreach (var (k, child) in level.Children)
            {
                builder.Set(k, Build(child));
            }
        }

        return builder.Build();
    }

    private sealed class Level
    {
        public Dictionary<Value, Level>? Children { get; set; }

        public Dictionary<Value, Value>? Leaves { get; set; }

        public ValueBuffer? Elements { get; set; }
    }
}
