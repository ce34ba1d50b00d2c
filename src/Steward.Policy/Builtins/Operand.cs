using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>Typed access to built-in operands; a wrong type raises OPA's <c>operand N must be T but got U</c>.</summary>
public static class Operand
{
    /// <summary>The operand as a string.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The string.</returns>
    public static string String(ReadOnlySpan<Value> args, int index) =>
        args[index] is StringValue s ? s.Value : throw new OperandTypeException(index + 1, "string", args[index]);

    /// <summary>The operand as a number.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The number.</returns>
    public static NumberValue Number(ReadOnlySpan<Value> args, int index) =>
        args[index] as NumberValue ?? throw new OperandTypeException(index + 1, "number", args[index]);

    /// <summary>
    /// The operand as an integer (OPA's IntOperand: a number written without fraction or exponent that fits in 64
    /// bits; a literal <c>2.0</c> is a floating-point number here, as in OPA).
    /// </summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The integer.</returns>
    public static long Integer(ReadOnlySpan<Value> args, int index)
    {
        var n = Number(args, index);
        return !n.IsFloatLiteral && n.TryGetInt64(out var l) ? l : throw new OperandTypeException($"operand {index + 1} must be integer number but got floating-point number");
    }

    /// <summary>The operand as a boolean.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The boolean.</returns>
    public static bool Boolean(ReadOnlySpan<Value> args, int index) =>
        args[index] is BooleanValue b ? b.Value : throw new OperandTypeException(index + 1, "boolean", args[index]);

    /// <summary>The operand as an array.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The array.</returns>
    public static ArrayValue Array(ReadOnlySpan<Value> args, int index) =>
        args[index] as ArrayValue ?? throw new OperandTypeException(index + 1, "array", args[index]);

    /// <summary>The operand as a set.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The set.</returns>
    public static SetValue Set(ReadOnlySpan<Value> args, int index) =>
        args[index] as SetValue ?? throw new OperandTypeException(index + 1, "set", args[index]);

    /// <summary>The operand as an object.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The object.</returns>
    public static ObjectValue Object(ReadOnlySpan<Value> args, int index) =>
        args[index] as ObjectValue ?? throw new OperandTypeException(index + 1, "object", args[index]);

    /// <summary>The elements of an array or set operand.</summary>
    /// <param name="args">The operands.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The elements (a set's in sorted order).</returns>
    public static ReadOnlySpan<Value> Collection(ReadOnlySpan<Value> args, int index) => args[index] switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => throw new OperandTypeException(index + 1, "one of {array, set}", args[index]),
    };
}
