using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation.Compiled;

/// <summary>
/// A body literal that is one comparison (<c>==</c> as a test, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>,
/// <c>&gt;=</c>) of OPA's own built-ins, fused: the operands are read (a constant operand directly) and compared
/// in place, without the call's form, the built-in dispatch or a boolean value. The outcome is the general
/// path's: an operand that hands over, or <c>with</c> replacing functions, leaves the literal to the interpreter;
/// an undefined operand fails the test (holds when negated).
/// </summary>
internal static class CompiledComparison
{
    private enum Op
    {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    }

    /// <summary>The fused literal, or null when the literal is not such a comparison.</summary>
    public static LiteralFn? CompileLiteral(CCall call, bool negated)
    {
        if (call.Args.Length != 2 || call.Function is not null || call.Builtin is not { } builtin
            || OpOf(builtin.Name) is not { } op
            || !BuiltinRegistry.Default.TryGet(builtin.Name, out var core) || !ReferenceEquals(core, builtin)
            || (call.Args[0] is CConst && call.Args[1] is CConst) || Evaluator.SpeculationUnsafe(call))
        {
            return null;
        }

        var leftConstant = (call.Args[0] as CConst)?.Value;
        var rightConstant = (call.Args[1] as CConst)?.Value;
        var left = Evaluator.FormOf(call.Args[0]);
        var right = Evaluator.FormOf(call.Args[1]);
        var pass = negated ? Evaluator.Inline.Fail : Evaluator.Inline.Pass;
        var fail = negated ? Evaluator.Inline.Pass : Evaluator.Inline.Fail;
        return (ev, frame) =>
        {
            if (ev.HasMocks)
            {
                return Evaluator.Inline.NotInline;
            }

            Value? a = leftConstant;
            if (a is null && !left(ev, frame, out a))
            {
                return Evaluator.Inline.NotInline;
            }

            if (a is null)
            {
                return fail;
            }

            Value? b = rightConstant;
            if (b is null && !right(ev, frame, out b))
            {
                return Evaluator.Inline.NotInline;
            }

            if (b is null)
            {
                return fail;
            }

            return Holds(op, a, b) ? pass : fail;
        };
    }

    private static bool Holds(Op op, Value a, Value b) => op switch
    {
        Op.Equal => a.Equals(b),
        Op.NotEqual => !a.Equals(b),
        Op.Less => Value.Compare(a, b) < 0,
        Op.LessOrEqual => Value.Compare(a, b) <= 0,
        Op.Greater => Value.Compare(a, b) > 0,
        _ => Value.Compare(a, b) >= 0,
    };

    private static Op? OpOf(string name) => name switch
    {
        "equal" => Op.Equal,
        "neq" => Op.NotEqual,
        "lt" => Op.Less,
        "lte" => Op.LessOrEqual,
        "gt" => Op.Greater,
        "gte" => Op.GreaterOrEqual,
        _ => null,
    };
}
