using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>array.concat, array.flatten, array.slice, array.reverse, and the set functions intersection and union.</summary>
internal static class ArrayBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("array.concat", 2, (_, a) => Concat(Operand.Array(a, 0), Operand.Array(a, 1)));
        r.Register("array.flatten", 1, (_, a) => Flatten(Operand.Array(a, 0)));
        r.Register("array.slice", 3, (_, a) => Slice(Operand.Array(a, 0), Operand.Integer(a, 1), Operand.Integer(a, 2)));
        r.Register("array.reverse", 1, (_, a) => Reverse(Operand.Array(a, 0)));
        r.Register("intersection", 1, (_, a) => SetsOf(a, union: false));
        r.Register("union", 1, (_, a) => SetsOf(a, union: true));
    }

    private static ArrayValue Concat(ArrayValue x, ArrayValue y)
    {
        if (x.Count == 0)
        {
            return y;
        }

        if (y.Count == 0)
        {
            return x;
        }

        var all = new Value[x.Count + y.Count];
        x.Items.CopyTo(all);
        y.Items.CopyTo(all.AsSpan(x.Count));
        return new ArrayValue(all);
    }

    /// <summary>OPA 1.13's array.flatten: items that are arrays are unpacked one level, others are kept as they are.</summary>
    private static ArrayValue Flatten(ArrayValue array)
    {
        var nested = false;
        foreach (var item in array.Items)
        {
            nested |= item is ArrayValue;
        }

        if (!nested)
        {
            return array;
        }

        var items = new List<Value>(array.Count);
        foreach (var item in array.Items)
        {
            if (item is ArrayValue inner)
            {
                items.AddRange(inner.Items);
            }
            else
            {
                items.Add(item);
            }
        }

        return new ArrayValue([.. items]);
    }

    private static ArrayValue Slice(ArrayValue array, long start, long stop)
    {
        stop = Math.Clamp(stop, 0, array.Count);
        start = Math.Clamp(start, 0, stop);
        return start == 0 && stop == array.Count ? array : new ArrayValue(array.Items[(int)start..(int)stop].ToArray());
    }

    private static ArrayValue Reverse(ArrayValue array)
    {
        var items = array.Items.ToArray();
        Array.Reverse(items);
        return new ArrayValue(items);
    }

    private static SetValue SetsOf(ReadOnlySpan<Value> args, bool union)
    {
        var sets = Operand.Set(args, 0);
        SetValue? result = null;
        foreach (var item in sets.Items)
        {
            if (item is not SetValue s)
            {
                throw OperandErrors.Element(1, sets, item, "set");
            }

            result = result is null ? s : union ? Operators.Union(result, s) : Operators.Intersection(result, s);
        }

        return result ?? SetValue.Empty;
    }
}
