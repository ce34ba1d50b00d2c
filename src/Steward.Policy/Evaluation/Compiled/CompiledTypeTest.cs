using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation.Compiled;

/// <summary>
/// A body literal that is one type test of OPA's own built-ins (<c>is_number(x)</c>, <c>is_string</c>,
/// <c>is_boolean</c>, <c>is_array</c>, <c>is_set</c>, <c>is_object</c>, <c>is_null</c>), fused: the operand is
/// checked in place with the built-ins' own type checks, without the call's form, the built-in dispatch or a
/// boolean value. As the general path: an operand that hands over, or <c>with</c> replacing functions, leaves
/// the literal to the interpreter, and an undefined operand fails the test (holds when negated).
/// </summary>
internal static class CompiledTypeTest
{
    /// <summary>The fused literal, or null when the literal is not such a test.</summary>
    public static LiteralFn? CompileLiteral(CCall call, bool negated)
    {
        if (call.Args.Length != 1 || call.Function is not null || call.Builtin is not { } builtin
            || KindOf(builtin.Name) is not { } kind
            || !BuiltinRegistry.Default.TryGet(builtin.Name, out var core) || !ReferenceEquals(core, builtin)
            || call.Args[0] is CConst)
        {
            return null;
        }

        var operand = Evaluator.FormOf(call.Args[0]);
        var pass = negated ? Evaluator.Inline.Fail : Evaluator.Inline.Pass;
        var fail = negated ? Evaluator.Inline.Pass : Evaluator.Inline.Fail;
        return (ev, frame) =>
        {
            if (ev.HasMocks || !operand(ev, frame, out var value))
            {
                return Evaluator.Inline.NotInline;
            }

            return value is not null && Is(kind, value) ? pass : fail;
        };
    }

    // The built-ins' own tests (TypeBuiltins): type checks, not the virtual Kind.
    private static bool Is(ValueKind kind, Value value) => kind switch
    {
        ValueKind.Number => value is NumberValue,
        ValueKind.String => value is StringValue,
        ValueKind.Boolean => value is BooleanValue,
        ValueKind.Array => value is ArrayValue,
        ValueKind.Set => value is SetValue,
        ValueKind.Object => value is ObjectValue,
        _ => value is NullValue,
    };

    private static ValueKind? KindOf(string name) => name switch
    {
        "is_number" => ValueKind.Number,
        "is_string" => ValueKind.String,
        "is_boolean" => ValueKind.Boolean,
        "is_array" => ValueKind.Array,
        "is_set" => ValueKind.Set,
        "is_object" => ValueKind.Object,
        "is_null" => ValueKind.Null,
        _ => null,
    };
}
