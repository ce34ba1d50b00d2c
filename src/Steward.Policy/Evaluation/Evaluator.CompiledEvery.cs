using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private Func<bool>? _onEverySolution;
    private bool _everySolved;

    /// <summary>
    /// Compiles <c>every [k,] v in domain { body }</c> with a compiled domain and distinct variables to a literal
    /// that loops over the domain itself: for each element it binds the variables and asks whether the body has
    /// a solution (through the loop runner when the body qualifies), with one continuation per evaluator instead
    /// of the interpreter's closures per evaluation. Variables already bound, or a domain with several values,
    /// leave the literal to the interpreter (<see cref="Inline.NotInline"/>). Null when it does not apply.
    /// </summary>
    private static LiteralFn? CompileEvery(CEvery every, bool negated)
    {
        if (every.Value is not CVar value || every.Domain.Single is not { } domainForm
            || (every.Key is not null && (every.Key is not CVar key || key.Slot == value.Slot)))
        {
            return null;
        }

        var valueSlot = value.Slot;
        var keySlot = every.Key is CVar k ? k.Slot : -1;
        var body = every.Body;
        var loops = IsLoopBody(body);
        var holds = negated ? Inline.Fail : Inline.Pass;
        var fails = negated ? Inline.Pass : Inline.Fail;
        return (ev, frame) =>
        {
            if (frame[valueSlot] is not null || (keySlot >= 0 && frame[keySlot] is not null) || !domainForm(ev, frame, out var domain))
            {
                return Inline.NotInline;
            }

            if (domain is not (ArrayValue or ObjectValue or SetValue))
            {
                // Undefined or not a collection: the interpreter's every has no solution then.
                return fails;
            }

            return ev.EveryHolds(domain, keySlot, valueSlot, body, loops, frame) ? holds : fails;
        };
    }

    /// <summary>Whether the body has a solution for every element of the domain (in the interpreter's order, stopping at the first that has none).</summary>
    private bool EveryHolds(Value domain, int keySlot, int valueSlot, CLiteral[] body, bool loops, Value?[] frame)
    {
        switch (domain)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!EveryStep(keySlot, keySlot >= 0 ? NumberValue.Of(i) : null, valueSlot, a[i], body, loops, frame))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (!EveryStep(keySlot, o.Keys[i], valueSlot, o.Values[i], body, loops, frame))
                    {
                        return false;
                    }
                }

                return true;
            default:
                foreach (var item in ((SetValue)domain).ItemArray)
                {
                    if (!EveryStep(keySlot, item, valueSlot, item, body, loops, frame))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private bool EveryStep(int keySlot, Value? key, int valueSlot, Value value, CLiteral[] body, bool loops, Value?[] frame)
    {
        if (keySlot >= 0)
        {
            Bind(frame, keySlot, key!);
        }

        Bind(frame, valueSlot, value);

        // The flag is read right after the body returns and cleared again, so an every nested in the body (or in
        // a function it calls) that held leaves no "solved" behind for a later literal of this body that fails.
        _everySolved = false;
        var onSolution = _onEverySolution ??= EverySolution;
        if (loops)
        {
            RunLoops(body, 0, frame, onSolution);
        }
        else
        {
            EvalBody(body, 0, frame, onSolution);
        }

        var solved = _everySolved;
        _everySolved = false;
        frame[valueSlot] = null;
        if (keySlot >= 0)
        {
            frame[keySlot] = null;
        }

        return solved;
    }

    private bool EverySolution()
    {
        _everySolved = true;
        return false;
    }
}
