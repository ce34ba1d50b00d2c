using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>json.filter and json.remove: paths given as JSON pointers ("a/b/0") or arrays of segments.</summary>
internal static class JsonPathBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("json.filter", 2, (_, a) => Filter(Operand.Object(a, 0), PathTree(Paths(a[1]))));
        r.Register("json.remove", 2, (_, a) => Remove(Operand.Object(a, 0), PathTree(Paths(a[1]))));
    }

    private static List<Value[]> Paths(Value operand)
    {
        var items = operand switch
        {
            ArrayValue a => a.Items,
            SetValue s => s.Items,
            _ => throw OperandErrors.Type(2, operand, "set", "array"),
        };
        var paths = new List<Value[]>(items.Length);
        foreach (var item in items)
        {
            paths.Add(ParsePath(item));
        }

        return paths;
    }

    /// <summary>A path as segments: a JSON pointer string split on '/', or an array's elements.</summary>
    public static Value[] ParsePath(Value path)
    {
        switch (path)
        {
            case StringValue s when s.Value.Length == 0:
                return [];
            case StringValue s:
                return [.. s.Value.TrimStart('/').Split('/').Select(p => (Value)new StringValue(p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))];
            case ArrayValue a:
                return a.Items.ToArray();
            default:
                throw OperandErrors.Other(2, $"must be one of {{set, array}} containing string paths or array of path segments but got {path.TypeName}");
        }
    }

    /// <summary>Nested objects whose leaves are null: {"a": {"b": null}} for the path a/b.</summary>
    private static Value PathTree(List<Value[]> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                continue;
            }

            var node = root;
            var done = false;
            for (var i = 0; i < path.Length - 1 && !done; i++)
            {
                if (!node.Children.TryGetValue(path[i], out var child))
                {
                    child = new Node();
                    node.Children[path[i]] = child;
                }

                if (child is null)
                {
                    done = true;
                }
                else
                {
                    node = child;
                }
            }

            if (!done)
            {
                node.Children[path[^1]] = null;
            }
        }

        return root.ToValue();
    }

    private static Value Filter(Value value, Value filter)
    {
        if (filter is NullValue)
        {
            return value;
        }

        var f = (ObjectValue)filter;
        switch (value)
        {
            case ArrayValue a:
                var items = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    var sub = f.Get(new StringValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    if (sub is not null)
                    {
                        items.Add(Filter(a[i], sub));
                    }
                }

                return new ArrayValue([.. items]);
            case SetValue s:
                var kept = new List<Value>();
                foreach (var item in s.Items)
                {
                    var sub = f.Get(item);
                    if (sub is not null)
                    {
                        kept.Add(Filter(item, sub));
                    }
                }

                return SetValue.From(kept);
            case ObjectValue o:
                var builder = new ObjectBuilder();
                for (var i = 0; i < o.Count; i++)
                {
                    var sub = f.Get(o.Keys[i]);
                    if (sub is not null)
                    {
                        builder.Set(o.Keys[i], Filter(o.Values[i], sub));
                    }
                }

                return builder.Build();
            default:
                return value;
        }
    }

    private static Value? Remove(Value value, Value? removal)
    {
        if (removal is null)
        {
            return value;
        }

        if (removal is NullValue)
        {
            return null;
        }

        if (removal is not ObjectValue r)
        {
            return value;
        }

        switch (value)
        {
            case ObjectValue o:
                var builder = new ObjectBuilder();
                for (var i = 0; i < o.Count; i++)
                {
                    var kept = Remove(o.Values[i], r.Get(o.Keys[i]));
                    if (kept is not null)
                    {
                        builder.Set(o.Keys[i], kept);
                    }
                }

                return builder.Build();
            case SetValue s:
                var items = new List<Value>();
                foreach (var item in s.Items)
                {
                    var kept = Remove(item, r.Get(item));
                    if (kept is not null)
                    {
                        items.Add(kept);
                    }
                }

                return SetValue.From(items);
            case ArrayValue a:
                var list = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    var kept = Remove(a[i], r.Get(new StringValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    if (kept is not null)
                    {
                        list.Add(kept);
                    }
                }

                return new ArrayValue([.. list]);
            default:
                return value;
        }
    }

    private sealed class Node
    {
        public Dictionary<Value, Node?> Children { get; } = [];

        public Value ToValue() =>
            ObjectValue.From(Children.Select(c => new KeyValuePair<Value, Value>(c.Key, c.Value?.ToValue() ?? NullValue.Instance)));
    }
}
