using Steward.Policy.Evaluation.Compiled;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private static readonly LiteralFn AlwaysPasses = (_, _) => Inline.Pass;
    private static readonly LiteralFn AlwaysFails = (_, _) => Inline.Fail;

    /// <summary>
    /// Compiles a body literal to a delegate with the contract of <see cref="TryInline"/>: tests and assignments of
    /// one value run through their terms' compiled forms, with which side of a unification binds known from the
    /// terms' shapes. Null for literals with <c>with</c> and for expressions that always enumerate (the
    /// interpreter runs those). The literal's terms (and an <c>every</c>'s body) must be compiled first.
    /// </summary>
    internal static LiteralFn? CompileLiteral(CLiteral literal)
    {
        // A walk over a value's nodes is a loop RunLoops runs itself (a unification with a relation has no inline form anyway).
        if (literal.With.Length > 0 || WalkLoopOf(literal) is not null)
        {
            return null;
        }

        var negated = literal.Negated;
        switch (literal.Expr)
        {
            case CTrue:
                return negated ? AlwaysFails : AlwaysPasses;
            case CTermExpr { Term: CCall call } when (CompiledComparison.CompileLiteral(call, negated) ?? CompiledTypeTest.CompileLiteral(call, negated)) is { } fused:
                return fused;
            case CTermExpr t:
            {
                var form = FormOf(t.Term);
                var pass = negated ? Inline.Fail : Inline.Pass;
                var fail = negated ? Inline.Pass : Inline.Fail;
                return (ev, frame) =>
                {
                    if (!form(ev, frame, out var value))
                    {
                        return Inline.NotInline;
                    }

                    return value is not null && !value.IsFalse ? pass : fail;
                };
            }

            case CUnify u:
                return CompileUnify(u, negated);
            case CEvery e:
                return CompileEvery(e, negated);
            default:
                return null;
        }
    }

    private static LiteralFn CompileUnify(CUnify u, bool negated)
    {
        var leftSlot = u.Left is CVar lv ? lv.Slot : -1;
        var rightSlot = u.Right is CVar rv ? rv.Slot : -1;
        var left = FormOf(u.Left);
        var right = FormOf(u.Right);
        var structural = u.Left is CArray or CObject || u.Right is CArray or CObject;
        var speculationUnsafe = SpeculationUnsafe(u);
        var equalResult = negated ? Inline.Fail : Inline.Pass;
        var unequalResult = negated ? Inline.Pass : Inline.Fail;
        return (ev, frame) =>
        {
            var leftFree = leftSlot >= 0 && frame[leftSlot] is null;
            var rightFree = rightSlot >= 0 && frame[rightSlot] is null;
            if (leftFree || rightFree)
            {
                if (leftFree == rightFree || negated || !(leftFree ? right : left)(ev, frame, out var other))
                {
                    return Inline.NotInline;
                }

                if (other is null)
                {
                    return Inline.Fail;
                }

                ev.BindInline(frame, leftFree ? leftSlot : rightSlot, other);
                return Inline.Pass;
            }

            if (structural || speculationUnsafe || !left(ev, frame, out var a) || !right(ev, frame, out var b))
            {
                return Inline.NotInline;
            }

            return a is not null && b is not null && a.Equals(b) ? equalResult : unequalResult;
        };
    }

    /// <summary>Binds a slot for the rest of the body; <see cref="EvalBody"/> unbinds it when the body returns.</summary>
    private void BindInline(Value?[] frame, int slot, Value value)
    {
        Bind(frame, slot, value);
        if (_inlineTop == _inlineSlots.Length)
        {
            Array.Resize(ref _inlineSlots, Math.Max(8, _inlineSlots.Length * 2));
        }

        _inlineSlots[_inlineTop++] = slot;
    }
}
