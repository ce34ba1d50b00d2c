using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// A call of a function with one straight definition (<see cref="RuleNode.StraightFunction"/>): the arguments
    /// bind to the parameters, the compiled literals run in order and the head's value is the result, with no loop
    /// over definitions and no collector. From the first literal that needs enumeration (or a head with several
    /// values) the interpreter continues with the bindings made so far and a collector, exactly as
    /// <see cref="CallFunctionCore"/>'s general path would, so nothing runs twice and conflicts are still found.
    /// </summary>
    private Value? CallStraight(RuleNode node, CRule rule, ReadOnlySpan<Value> args)
    {
        var frame = RentFrame(rule.SlotCount);
        Value? result = null;
        if (BindParameters(rule.Parameters, args, frame))
        {
            result = RunStraightCall(rule, frame);
        }

        ReturnFrame(frame);
        return CallDefault(node, result);
    }

    /// <summary>A straight function's body in a frame with the parameters bound (see <see cref="CallStraight"/>).</summary>
    private Value? RunStraightCall(CRule rule, Value?[] frame)
    {
        var mark = _inlineTop;
        try
        {
            var result = RunStraight(rule, frame, out var handOver);
            if (handOver >= 0)
            {
                var collector = FunctionCollectorAt(_depth);
                collector.Start(rule, frame);
                try
                {
                    EvalBody(rule.Body, handOver, frame, collector.OnBody);
                    result = collector.Result;
                }
                finally
                {
                    collector.Clear();
                }
            }

            return result;
        }
        finally
        {
            // The frame is cleared as it goes back to the pool: only the inline stack needs resetting.
            _inlineTop = mark;
        }
    }

    /// <summary>
    /// The slots a call binds directly (<see cref="CallLean"/>) for a straight function without a default whose
    /// parameters are distinct variables (binding them needs no comparison); null otherwise.
    /// </summary>
    internal static int[]? LeanParameterSlots(RuleNode? function)
    {
        if (function is not { StraightFunction: { } rule, Default: null })
        {
            return null;
        }

        var slots = new int[rule.Parameters.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            if (rule.Parameters[i] is not CVar v || slots.AsSpan(0, i).Contains(v.Slot))
            {
                return null;
            }

            slots[i] = v.Slot;
        }

        return slots;
    }

    /// <summary>
    /// A call of a function whose <see cref="RuleNode.LeanSlots"/> match its arguments: the same steps as
    /// <see cref="CallFunction"/> reaching <see cref="CallStraight"/>, without the layers and the general
    /// parameter binding between.
    /// </summary>
    private Value? CallLean(RuleNode node, int[] slots, ReadOnlySpan<Value> args)
    {
        if (_depth >= MaxDepth)
        {
            return CallFunction(node, args);
        }

        var rule = node.StraightFunction!;
        _depth++;
        var frame = RentFrame(rule.SlotCount);
        for (var i = 0; i < slots.Length; i++)
        {
            Bind(frame, slots[i], args[i]);
        }

        try
        {
            return RunStraightCall(rule, frame);
        }
        finally
        {
            ReturnFrame(frame);
            _depth--;
        }
    }

    /// <summary>
    /// Runs a body whose literals all compiled (<see cref="CRule.InlineBody"/>) as a straight sequence and returns
    /// the head's value (null when a literal fails or the value is undefined), with <paramref name="handOver"/> -1.
    /// When a literal answers "not inline", or the head has several values, it stops there instead:
    /// <paramref name="handOver"/> is the index of the literal the interpreter must continue from (the body's
    /// length for the head), with the bindings made so far still in the frame and on the inline stack, which the
    /// caller resets.
    /// </summary>
    private Value? RunStraight(CRule rule, Value?[] frame, out int handOver)
    {
        var body = rule.Body;
        for (var i = 0; i < body.Length; i++)
        {
            Tick();
            var inline = body[i].Inline!(this, frame);
            if (inline == Inline.Fail)
            {
                handOver = -1;
                return null;
            }

            if (inline == Inline.NotInline)
            {
                handOver = i;
                return null;
            }
        }

        if (TryEvalSingle(rule.Value!, frame, out var value))
        {
            handOver = -1;
            return value;
        }

        handOver = body.Length;
        return null;
    }
}
