using System.Globalization;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>json.patch: RFC 6902 operations on any value; a failing patch makes the call undefined, as in OPA.</summary>
internal static class JsonPatch
{
    public static void Register(BuiltinRegistry r) => r.Register("json.patch", 2, (_, a) => Apply(a[0], Operand.Array(a, 1)));

    private static Value? Apply(Value target, ArrayValue operations)
    {
        var doc = target;
        foreach (var item in operations.Items)
        {
            if (item is not ObjectValue op || op.Get("op") is not StringValue name || op.Get("path") is not { } pathValue)
            {
                return null;
            }

            Value[] path;
            try
            {
                path = JsonPathBuiltins.ParsePath(pathValue);
            }
            catch (BuiltinException)
            {
                return null;
            }

            Value? next;
            switch (name.Value)
            {
                case "add":
                    next = op.Get("value") is { } v ? Add(doc, path, v) : null;
                    break;
                case "remove":
                    next = Remove(doc, path);
                    break;
                case "replace":
                    var removed = Remove(doc, path);
                    next = removed is not null && op.Get("value") is { } rv ? Add(removed, path, rv) : null;
                    break;
                case "move" or "copy":
                    if (op.Get("from") is not { } fromValue)
                    {
                        return null;
                    }

                    Value[] from;
                    try
                    {
                        from = JsonPathBuiltins.ParsePath(fromValue);
                    }
                    catch (BuiltinException)
                    {
                        return null;
                    }

                    var chunk = Get(doc, from);
                    if (chunk is null)
                    {
                        return null;
                    }

                    var source = name.Value == "move" ? Remove(doc, from) : doc;
                    next = source is null ? null : Add(source, path, chunk);
                    break;
                case "test":
                    next = op.Get("value") is { } tv && Get(doc, path) is { } found && found.Equals(tv) ? doc : null;
                    break;
                default:
                    return null;
            }

            if (next is null)
            {
                return null;
            }

            doc = next;
        }

        return doc;
    }

    private static Value? Get(Value doc, ReadOnlySpan<Value> path)
    {
        var current = doc;
        foreach (var key in path)
        {
            current = current switch
            {
                ObjectValue o => o.Get(key),
                ArrayValue a => Index(key, a.Count, allowEnd: false) is { } i ? a[i] : null,
                SetValue s => s.Contains(key) ? key : null,
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static int? Index(Value key, int count, bool allowEnd)
    {
        long i;
        switch (key)
        {
            case StringValue s when s.Value == "-":
                return allowEnd ? count : null;
            case StringValue s when long.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out i):
                break;
            case NumberValue n when n.TryGetInt64(out i):
                break;
            default:
                return null;
        }

        return i >= 0 && (i < count || (allowEnd && i == count)) ? (int)i : null;
    }

    private static Value? Add(Value doc, ReadOnlySpan<Value> path, Value value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var key = path[0];
        var rest = path[1..];
        switch (doc)
        {
            case ObjectValue o:
                if (rest.Length == 0)
                {
                    return With(o, key, value);
                }

                var child = o.Get(key);
                var updated = child is null ? null : Add(child, rest, value);
                return updated is null ? null : With(o, key, updated);
            case ArrayValue a:
                if (rest.Length == 0)
                {
                    if (Index(key, a.Count, allowEnd: true) is not { } at)
                    {
                        return null;
                    }

                    var items = new List<Value>(a.Count + 1);
                    items.AddRange(a.Items[..at]);
                    items.Add(value);
                    items.AddRange(a.Items[at..]);
                    return new ArrayValue([.. items]);
                }

                if (Index(key, a.Count, allowEnd: false) is not { } i)
                {
                    return null;
                }

                var inner = Add(a[i], rest, value);
                if (inner is null)
                {
                    return null;
                }

                var copy = a.Items.ToArray();
                copy[i] = inner;
                return new ArrayValue(copy);
            case SetValue s:
                if (rest.Length == 0)
                {
                    return SetValue.From([.. s.Items.ToArray(), value]);
                }

                if (!s.Contains(key))
                {
                    return null;
                }

                var element = Add(key, rest, value);
                return element is null ? null : SetValue.From([.. s.Items.ToArray().Where(x => !x.Equals(key)), element]);
            default:
                return null;
        }
    }

    private static Value? Remove(Value doc, ReadOnlySpan<Value> path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var key = path[0];
        var rest = path[1..];
        switch (doc)
        {
            case ObjectValue o:
                var child = o.Get(key);
                if (child is null)
                {
                    return null;
                }

                if (rest.Length == 0)
                {
                    return ObjectValue.From(Entries(o).Where(e => !e.Key.Equals(key)));
                }

                var updated = Remove(child, rest);
                return updated is null ? null : With(o, key, updated);
            case ArrayValue a:
                if (Index(key, a.Count, allowEnd: false) is not { } i)
                {
                    return null;
                }

                if (rest.Length == 0)
                {
                    var items = new List<Value>(a.Items.ToArray());
                    items.RemoveAt(i);
                    return new ArrayValue([.. items]);
                }

                var inner = Remove(a[i], rest);
                if (inner is null)
                {
                    return null;
                }

                var copy = a.Items.ToArray();
                copy[i] = inner;
                return new ArrayValue(copy);
            case SetValue s:
                if (!s.Contains(key))
                {
                    return null;
                }

                var others = s.Items.ToArray().Where(x => !x.Equals(key)).ToList();
                if (rest.Length == 0)
                {
                    return SetValue.From(others);
                }

                var element = Remove(key, rest);
                return element is null ? null : SetValue.From([.. others, element]);
            default:
                return null;
        }
    }

    private static IEnumerable<KeyValuePair<Value, Value>> Entries(ObjectValue o)
    {
        for (var i = 0; i < o.Count; i++)
        {
            yield return new(o.Keys[i], o.Values[i]);
        }
    }

    private static ObjectValue With(ObjectValue o, Value key, Value value) =>
        ObjectValue.From(Entries(o).Append(new KeyValuePair<Value, Value>(key, value)));
}
