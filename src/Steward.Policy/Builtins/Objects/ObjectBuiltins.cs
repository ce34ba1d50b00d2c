using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>object.get, object.keys, object.remove, object.filter, object.union, object.union_n, object.subset.</summary>
internal static class ObjectBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("object.get", 3, (_, a) => Get(a));
        r.Register("object.keys", 1, (_, a) => SetValue.From(Operand.Object(a, 0).Keys.ToArray()));
        r.Register("object.remove", 2, (_, a) => Remove(Operand.Object(a, 0), KeysOf(a[1]), keep: false));
        r.Register("object.filter", 2, (_, a) => Remove(Operand.Object(a, 0), KeysOf(a[1]), keep: true));
        r.Register("object.union", 2, (_, a) => Union(Operand.Object(a, 0), Operand.Object(a, 1)));
        r.Register("object.union_n", 1, (_, a) => UnionN(Operand.Array(a, 0)));
        r.Register("object.subset", 2, (_, a) => BooleanValue.Of(Subset(a[0], a[1])));
    }

    private static Value Get(ReadOnlySpan<Value> a)
    {
        var obj = Operand.Object(a, 0);
        if (a[1] is not ArrayValue path)
        {
            return obj.Get(a[1]) ?? a[2];
        }

        if (path.Count == 0)
        {
            return obj;
        }

        return Find(obj, path.Items) ?? a[2];
    }

    /// <summary>Follows a path of keys through objects, arrays (integer indexes) and sets (members).</summary>
    public static Value? Find(Value value, ReadOnlySpan<Value> path)
    {
        var current = value;
        foreach (var key in path)
        {
            current = Child(current, key);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The child of a collection under a key (ref semantics), or null.</summary>
    public static Value? Child(Value value, Value key) => value switch
    {
        ObjectValue o => o.Get(key),
        ArrayValue arr => key is NumberValue { IsFloatLiteral: false } n && n.TryGetInt64(out var i) && i >= 0 && i < arr.Count ? arr[(int)i] : null,
        SetValue s => s.Contains(key) ? key : null,
        _ => null,
    };

    private static SetValue KeysOf(Value value) => value switch
    {
        ArrayValue a => SetValue.From(a.Items.ToArray()),
        SetValue s => s,
        ObjectValue o => SetValue.From(o.Keys.ToArray()),
        _ => throw OperandErrors.Type(2, value, "object", "set", "array"),
    };

    private static ObjectValue Remove(ObjectValue obj, SetValue keys, bool keep)
    {
        var builder = new ObjectBuilder();
        for (var i = 0; i < obj.Count; i++)
        {
            if (keys.Contains(obj.Keys[i]) == keep)
            {
                builder.Set(obj.Keys[i], obj.Values[i]);
            }
        }

        return builder.Build();
    }

    /// <summary>Merges b into a; where both hold objects under a key they merge recursively, otherwise b wins.</summary>
    public static ObjectValue Union(ObjectValue a, ObjectValue b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var builder = new ObjectBuilder();
        for (var i = 0; i < a.Count; i++)
        {
            builder.Set(a.Keys[i], a.Values[i]);
        }

        for (var i = 0; i < b.Count; i++)
        {
            var key = b.Keys[i];
            var mine = a.Get(key);
            builder.Set(key, mine is ObjectValue x && b.Values[i] is ObjectValue y ? Union(x, y) : b.Values[i]);
        }

        return builder.Build();
    }

    private static ObjectValue UnionN(ArrayValue array)
    {
        var result = ObjectValue.Empty;
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (array[i] is not ObjectValue)
            {
                throw OperandErrors.Element(1, array, array[i], "object");
            }
        }

        foreach (var item in array.Items)
        {
            result = Union(result, (ObjectValue)item);
        }

        return result;
    }

    private static bool Subset(Value super, Value sub) => (super, sub) switch
    {
        (ObjectValue a, ObjectValue b) => ObjectSubset(a, b),
        (SetValue a, SetValue b) => SetSubset(a, b),
        (ArrayValue a, ArrayValue b) => ArraySubset(a, b),
        (ArrayValue a, SetValue b) => ArraySetSubset(a, b),
        _ => throw new OperandTypeException("both arguments object.subset must be of the same type or array and set"),
    };

    private static bool ObjectSubset(ObjectValue super, ObjectValue sub)
    {
        for (var i = 0; i < sub.Count; i++)
        {
            var mine = super.Get(sub.Keys[i]);
            var theirs = sub.Values[i];
            if (mine is null)
            {
                return false;
            }

            if (mine.Equals(theirs))
            {
                continue;
            }

            var ok = (mine, theirs) switch
            {
                (ObjectValue a, ObjectValue b) => ObjectSubset(a, b),
                (SetValue a, SetValue b) => SetSubset(a, b),
                (ArrayValue a, ArrayValue b) => ArraySubset(a, b),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SetSubset(SetValue super, SetValue sub)
    {
        foreach (var item in sub.Items)
        {
            if (!super.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraySubset(ArrayValue super, ArrayValue sub)
    {
        if (sub.Count > super.Count)
        {
            return false;
        }

        for (var start = 0; start + sub.Count <= super.Count; start++)
        {
            var match = true;
            for (var j = 0; j < sub.Count; j++)
            {
                if (Value.Compare(super[start + j], sub[j]) != 0)
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ArraySetSubset(ArrayValue super, SetValue sub)
    {
        var unmatched = sub.Count;
        foreach (var item in super.Items)
        {
            if (sub.Contains(item))
            {
                unmatched--;
            }

            if (unmatched == 0)
            {
                return true;
            }
        }

        return false;
    }
}
