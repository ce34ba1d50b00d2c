using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>count, sum, product, max, min, sort.</summary>
internal static class Aggregates
{
    /// <summary>count's implementation: compiled calls recognise it over an array comprehension and count without the array.</summary>
    internal static readonly BuiltinFunction CountFunction = (_, a) => Count(a[0]);

    /// <summary>sum's implementation: compiled calls recognise it over an array comprehension and add without the array.</summary>
    internal static readonly BuiltinFunction SumFunction = (_, a) => Sum(a[0]);

    public static void Register(BuiltinRegistry r)
    {
        r.Register("count", 1, CountFunction);
        r.Register("sum", 1, SumFunction);
        r.Register("product", 1, (_, a) => Product(a[0]));
        r.Register("max", 1, (_, a) => Extreme(a[0], max: true));
        r.Register("min", 1, (_, a) => Extreme(a[0], max: false));
        r.Register("sort", 1, (_, a) => Sort(a[0]));
    }

    private static NumberValue Count(Value value) => value switch
    {
        ArrayValue a => NumberValue.Of(a.Count),
        ObjectValue o => NumberValue.Of(o.Count),
        SetValue s => NumberValue.Of(s.Count),
        StringValue s => NumberValue.Of(s.IsAscii ? s.Value.Length : RuneCount(s.Value)),
        _ => throw OperandErrors.Type(1, value, "array", "object", "set", "string"),
    };

    /// <summary>The number of Unicode code points (Go's rune count; a lone surrogate counts as one).</summary>
    public static int RuneCount(string text)
    {
        // Without surrogates (one vectorised scan tells) every char is a rune.
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text.Length;
        }

        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    private static ReadOnlySpan<Value> Numbers(Value value) => value switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => throw OperandErrors.Type(1, value, "set", "array"),
    };

    private static NumberValue Sum(Value value)
    {
        var items = Numbers(value);
        if (TrySumInt64(items, out var small))
        {
            return NumberValue.Of(small);
        }

        var exact = BigInteger.Zero;
        var isExact = true;
        var total = 0d;
        decimal? dec = 0m;
        foreach (var item in items)
        {
            if (item is not NumberValue n)
            {
                throw OperandErrors.Element(1, value, item, "number");
            }

            if (isExact && n.TryGetBigInteger(out var i))
            {
                exact += i;
            }
            else
            {
                isExact = false;
            }

            total += n.AsDouble;
            dec = Accumulate(dec, n, static (x, y) => x + y);
        }

        return isExact ? NumberValue.Of(exact) : dec is { } d ? Arithmetic.FromDecimal(d) : Arithmetic.Float(total);
    }

    /// <summary>The sum of 64-bit integers without overflow: false when an item is anything else or it overflows (the general path decides then).</summary>
    internal static bool TrySumInt64(ReadOnlySpan<Value> items, out long sum)
    {
        sum = 0;
        foreach (var item in items)
        {
            if (item is not NumberValue { IsInt64: true } n || !n.TryGetInt64(out var i))
            {
                return false;
            }

            var next = unchecked(sum + i);
            if (((sum ^ next) & (i ^ next)) < 0)
            {
                return false;
            }

            sum = next;
        }

        return true;
    }

    private static NumberValue Product(Value value)
    {
        var items = Numbers(value);
        var exact = BigInteger.One;
        var isExact = true;
        var total = 1d;
        decimal? dec = 1m;
        foreach (var item in items)
        {
            if (item is not NumberValue n)
            {
                throw OperandErrors.Element(1, value, item, "number");
            }

            if (isExact && n.TryGetBigInteger(out var i))
            {
                exact *= i;
            }
            else
            {
                isExact = false;
            }

            total *= n.AsDouble;
            dec = Accumulate(dec, n, static (x, y) => x * y);
        }

        return isExact ? NumberValue.Of(exact) : dec is { } d ? Arithmetic.FromDecimal(d) : Arithmetic.Float(total);
    }

    private static decimal? Accumulate(decimal? total, NumberValue n, Func<decimal, decimal, decimal> op)
    {
        if (total is not { } t || !Arithmetic.TryShortDecimal(n, out var d))
        {
            return null;
        }

        try
        {
            return op(t, d);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Value? Extreme(Value value, bool max)
    {
        var items = Numbers(value);
        if (items.Length == 0)
        {
            return null;
        }

        var best = items[0];
        foreach (var item in items[1..])
        {
            var c = Value.Compare(item, best);
            if (max ? c > 0 : c < 0)
            {
                best = item;
            }
        }

        return best;
    }

    private static ArrayValue Sort(Value value)
    {
        switch (value)
        {
            case ArrayValue a:
                var copy = a.Items.ToArray();
                Array.Sort(copy, ValueComparer.Instance);
                return new ArrayValue(copy);
            case SetValue s:
                return new ArrayValue(s.Items.ToArray());
            default:
                throw OperandErrors.Type(1, value, "set", "array");
        }
    }
}
