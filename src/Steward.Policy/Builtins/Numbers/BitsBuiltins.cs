using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>bits.and, bits.or, bits.xor, bits.negate, bits.lsh, bits.rsh on integers of any size.</summary>
internal static class BitsBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("bits.and", 2, (_, a) => NumberValue.Of(NumberBuiltins.BigInt(a, 0) & NumberBuiltins.BigInt(a, 1)));
        r.Register("bits.or", 2, (_, a) => NumberValue.Of(NumberBuiltins.BigInt(a, 0) | NumberBuiltins.BigInt(a, 1)));
        r.Register("bits.xor", 2, (_, a) => NumberValue.Of(NumberBuiltins.BigInt(a, 0) ^ NumberBuiltins.BigInt(a, 1)));
        r.Register("bits.negate", 1, (_, a) => NumberValue.Of(~NumberBuiltins.BigInt(a, 0)));
        r.Register("bits.lsh", 2, (_, a) => NumberValue.Of(NumberBuiltins.BigInt(a, 0) << Shift(a, 1)));
        r.Register("bits.rsh", 2, (_, a) => NumberValue.Of(NumberBuiltins.BigInt(a, 0) >> Shift(a, 1)));
    }

    private static int Shift(ReadOnlySpan<Value> args, int index)
    {
        var n = Operand.Number(args, index);
        if (!n.TryGetBigInteger(out var s))
        {
            throw OperandErrors.Other(index + 1, "must be integer number but got floating-point number");
        }

        if (s.Sign < 0)
        {
            throw OperandErrors.Other(index + 1, "must be unsigned integer number but got negative integer");
        }

        return s > 1 << 20 ? throw new BuiltinException("shift amount too large") : (int)s;
    }
}
