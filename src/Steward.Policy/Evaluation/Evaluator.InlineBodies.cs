using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Runs a body with a collector: when every literal has a compiled inline form (<see cref="CRule.InlineBody"/>,
    /// the common single-solution body of complete rules and functions) they run as a straight sequence and the
    /// head's value goes to <paramref name="collect"/> directly, without continuations; from the first literal
    /// that needs enumeration on (or a head with several values) the interpreter continues with the bindings made
    /// so far, exactly as <see cref="EvalBody"/> would, so nothing runs twice.
    /// </summary>
    private void RunBody(CRule rule, Value?[] frame, Func<bool> onBody, Func<Value, bool> collect)
    {
        if (!rule.InlineBody)
        {
            if (rule.LoopBody)
            {
                RunLoops(rule.Body, 0, frame, onBody);
            }
            else
            {
                EvalBody(rule.Body, 0, frame, onBody);
            }

            return;
        }

        var body = rule.Body;
        var mark = _inlineTop;
        try
        {
            for (var i = 0; i < body.Length; i++)
            {
                Tick();
                var inline = body[i].Inline!(this, frame);
                if (inline == Inline.Fail)
                {
                    return;
                }

                if (inline == Inline.NotInline)
                {
                    EvalBody(body, i, frame, onBody);
                    return;
                }
            }

            if (TryEvalSingle(rule.Value!, frame, out var value))
            {
                if (value is not null)
                {
                    collect(value);
                }

                return;
            }

            onBody();
        }
        finally
        {
            while (_inlineTop > mark)
            {
                frame[_inlineSlots[--_inlineTop]] = null;
            }
        }
    }
}
