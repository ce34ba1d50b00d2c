using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>The built-ins behind Rego's infix operators: comparison, arithmetic and set union, intersection and difference.</summary>
internal static class Operators
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("equal", 2, (_, a) => BooleanValue.Of(a[0].Equals(a[1])));
        r.Register("neq", 2, (_, a) => BooleanValue.Of(!a[0].Equals(a[1])));
        r.Register("lt", 2, (_, a) => BooleanValue.Of(Value.Compare(a[0], a[1]) < 0));
        r.Register("lte", 2, (_, a) => BooleanValue.Of(Value.Compare(a[0], a[1]) <= 0));
        r.Register("gt", 2, (_, a) => BooleanValue.Of(Value.Compare(a[0], a[1]) > 0));
        r.Register("gte", 2, (_, a) => BooleanValue.Of(Value.Compare(a[0], a[1]) >= 0));
        r.Register("plus", 2, (_, a) => Arithmetic.Add(Operand.Number(a, 0), Operand.Number(a, 1)));
        r.Register("mul", 2, (_, a) => Arithmetic.Multiply(Operand.Number(a, 0), Operand.Number(a, 1)));
        r.Register("div", 2, (_, a) => Arithmetic.Divide(Operand.Number(a, 0), Operand.Number(a, 1)));
        r.Register("rem", 2, (_, a) => Arithmetic.Remainder(Operand.Number(a, 0), Operand.Number(a, 1)));
        r.Register("minus", 2, Minus);
        r.Register("or", 2, (_, a) => Union(Operand.Set(a, 0), Operand.Set(a, 1)));
        r.Register("and", 2, (_, a) => Intersection(Operand.Set(a, 0), Operand.Set(a, 1)));
    }

    public static SetValue Union(SetValue a, SetValue b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var all = new Value[a.Count + b.Count];
        a.Items.CopyTo(all);
        b.Items.CopyTo(all.AsSpan(a.Count));
        return SetValue.FromOwned(all, all.Length);
    }

    public static SetValue Intersection(SetValue a, SetValue b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var kept = new List<Value>(small.Count);
        foreach (var item in small.Items)
        {
            if (large.Contains(item))
            {
                kept.Add(item);
            }
        }

        return SetValue.FromSorted([.. kept]);
    }

    public static SetValue Difference(SetValue a, SetValue b)
    {
        var kept = new List<Value>(a.Count);
        foreach (var item in a.Items)
        {
            if (!b.Contains(item))
            {
                kept.Add(item);
            }
        }

        return kept.Count == a.Count ? a : SetValue.FromSorted([.. kept]);
    }

    private static Value Minus(BuiltinContext context, ReadOnlySpan<Value> a) => a[0] switch
    {
        NumberValue x => Arithmetic.Subtract(x, Operand.Number(a, 1)),
        SetValue x => Difference(x, Operand.Set(a, 1)),
        _ => throw new OperandTypeException(1, "one of {number, set}", a[0]),
    };
}
