using System.Globalization;
using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>abs, ceil, floor, round, numbers.range, numbers.range_step, rand.intn.</summary>
internal static class NumberBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("abs", 1, (_, a) => Unary(Operand.Number(a, 0), BigInteger.Abs, Math.Abs));
        r.Register("ceil", 1, (_, a) => Unary(Operand.Number(a, 0), x => x, Math.Ceiling));
        r.Register("floor", 1, (_, a) => Unary(Operand.Number(a, 0), x => x, Math.Floor));
        r.Register("round", 1, (_, a) => Unary(Operand.Number(a, 0), x => x, x => Math.Round(x, MidpointRounding.AwayFromZero)));
        r.Register("numbers.range", 2, (c, a) => Range(c, BigInt(a, 0), BigInt(a, 1), BigInteger.One));
        r.Register("numbers.range_step", 3, RangeStep);
        r.Register("rand.intn", 2, RandIntn, nondeterministic: true);
    }

    /// <summary>An integer operand of any size (OPA's BigIntOperand).</summary>
    public static BigInteger BigInt(ReadOnlySpan<Value> args, int index)
    {
        if (args[index] is not NumberValue n)
        {
            throw new OperandTypeException(index + 1, "integer", args[index]);
        }

        return n.TryGetBigInteger(out var i)
            ? i
            : throw OperandErrors.Other(index + 1, "must be integer number but got floating-point number");
    }

    private static NumberValue Unary(NumberValue n, Func<BigInteger, BigInteger> exact, Func<double, double> inexact) =>
        n.TryGetBigInteger(out var i) ? NumberValue.Of(exact(i)) : Arithmetic.Float(inexact(n.AsDouble));

    private static ArrayValue RangeStep(BuiltinContext context, ReadOnlySpan<Value> a)
    {
        var x = BigInt(a, 0);
        var y = BigInt(a, 1);
        var step = BigInt(a, 2);
        return step.Sign <= 0
            ? throw new BuiltinException("numbers.range_step: step must be a positive integer")
            : Range(context, x, y, step);
    }

    private static ArrayValue Range(BuiltinContext context, BigInteger from, BigInteger to, BigInteger step)
    {
        var items = new List<Value>();
        var ascending = from <= to;
        for (var i = from; ascending ? i <= to : i >= to; i = ascending ? i + step : i - step)
        {
            if ((items.Count & 0xFFF) == 0 && context.CancellationToken.IsCancellationRequested)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            items.Add(NumberValue.Of(i));
        }

        return new ArrayValue([.. items]);
    }

    private static NumberValue RandIntn(BuiltinContext context, ReadOnlySpan<Value> a)
    {
        var seed = Operand.String(a, 0);
        var n = Operand.Integer(a, 1);
        if (n == 0)
        {
            return NumberValue.Zero;
        }

        n = Math.Abs(n);
        var key = (Name: "rand.intn", Key: seed + "-" + n.ToString(CultureInfo.InvariantCulture));
        if (context.Cache.TryGetValue(key, out var cached))
        {
            return (NumberValue)cached;
        }

        var result = NumberValue.Of(Random.Shared.NextInt64(n));
        context.Cache[key] = result;
        return result;
    }
}
