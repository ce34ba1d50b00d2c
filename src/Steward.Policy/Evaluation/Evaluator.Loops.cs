using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Whether a body runs through <see cref="RunLoops"/>: every literal has a compiled inline form or is an
    /// iteration <see cref="IsLoopLiteral"/> accepts, and at least one is such an iteration. Set at compile time
    /// (<c>BodyCompiler</c>), so the interpreter-only form never takes this path.
    /// </summary>
    internal static bool IsLoopBody(CLiteral[] body)
    {
        var loops = false;
        foreach (var literal in body)
        {
            if (literal.Inline is not null)
            {
                continue;
            }

            if (!IsLoopLiteral(literal))
            {
                return false;
            }

            loops = true;
        }

        return loops;
    }

    /// <summary>
    /// <c>some v in c</c> or <c>some k, v in c</c> without <c>with</c>, with two distinct variables and a compiled
    /// collection: the loop binds them directly. Whether they are still unbound is checked when it runs.
    /// </summary>
    private static bool IsLoopLiteral(CLiteral literal) =>
        (literal is { Negated: false, With.Length: 0, Expr: CSomeIn { Value: CVar value, Collection.Single: not null } s }
         && (s.Key is null || (s.Key is CVar key && key.Slot != value.Slot)))
        || WalkLoopOf(literal) is not null;

    /// <summary>
    /// <c>walk(x, [_, v])</c> (either side of <c>=</c>) without <c>with</c>, where <c>x</c> has a compiled form and
    /// <c>v</c> is a variable: a loop over the nodes of <c>x</c> that binds <c>v</c> (no paths are built). Null for
    /// any other literal.
    /// </summary>
    private static WalkLoopForm? WalkLoopOf(CLiteral literal)
    {
        if (literal.WalkLoop is { } known)
        {
            return ReferenceEquals(known, WalkLoopForm.None) ? null : known;
        }

        var form = FindWalkLoop(literal);
        literal.WalkLoop = form ?? WalkLoopForm.None;
        return form;
    }

    private static WalkLoopForm? FindWalkLoop(CLiteral literal)
    {
        if (literal is not { Negated: false, With.Length: 0, Expr: CUnify u })
        {
            return null;
        }

        var (call, pattern) = u.Right is CCall ? (u.Right as CCall, u.Left) : (u.Left as CCall, u.Right);
        return call is { Function: null, Name: "walk", Args: [{ Single: not null }], Builtin.Relation: not null }
            && pattern is CArray { Items: [CVar { Name: "_" } wildcard, CVar value] } && wildcard.Slot != value.Slot
            ? new WalkLoopForm(call, wildcard, value)
            : null;
    }

    /// <summary>
    /// Evaluates a loop body (see <see cref="IsLoopBody"/>) from literal <paramref name="index"/>: compiled
    /// literals run inline and each iteration binds its variables and runs the rest of the body directly, without
    /// continuation objects. Wherever a compiled form answers "not inline", or an iteration's variables are
    /// already bound or its collection has several values, the interpreter continues from that literal with the
    /// bindings made so far, as <see cref="EvalBody"/> would, so the results and their order are the interpreter's.
    /// </summary>
    private bool RunLoops(CLiteral[] body, int index, Value?[] frame, Func<bool> k)
    {
        var mark = _inlineTop;
        try
        {
            return RunLoopsFrom(body, index, frame, k);
        }
        finally
        {
            while (_inlineTop > mark)
            {
                frame[_inlineSlots[--_inlineTop]] = null;
            }
        }
    }

    /// <summary>
    /// The body of <see cref="RunLoops"/>, whose caller undoes the inline bindings. Kept apart from the try block:
    /// the runtime compiles a method with a loop inside a protected region fully optimised at once, without the
    /// profile-guided tier, so the loop lives here.
    /// </summary>
    private bool RunLoopsFrom(CLiteral[] body, int index, Value?[] frame, Func<bool> k)
    {
        for (; index < body.Length; index++)
        {
            Tick();
            var literal = body[index];
            if (literal.Inline is { } inline)
            {
                var step = inline(this, frame);
                if (step == Inline.Fail)
                {
                    return true;
                }

                if (step == Inline.NotInline)
                {
                    return EvalBody(body, index, frame, k);
                }

                continue;
            }

            if (literal.Expr is CUnify)
            {
                var (call, wildcard, walked) = WalkLoopOf(literal)!;
                if (frame[walked.Slot] is not null || frame[wildcard.Slot] is not null || (_mocks is not null && _mocks.ContainsKey(call.Name))
                    || !call.Args[0].Single!(this, frame, out var root))
                {
                    return EvalBody(body, index, frame, k);
                }

                return root is null || WalkLoop(root, walked.Slot, body, index + 1, frame, k);
            }

            var s = (CSomeIn)literal.Expr;
            var valueSlot = ((CVar)s.Value).Slot;
            var keySlot = s.Key is CVar key ? key.Slot : -1;
            if (frame[valueSlot] is not null || (keySlot >= 0 && frame[keySlot] is not null)
                || !s.Collection.Single!(this, frame, out var collection))
            {
                return EvalBody(body, index, frame, k);
            }

            return collection is null || Loop(collection, keySlot, valueSlot, body, index + 1, frame, k);
        }

        return k();
    }

    /// <summary>One iteration per element of <paramref name="collection"/>, in the interpreter's order (<see cref="Iterate"/>).</summary>
    private bool Loop(Value collection, int keySlot, int valueSlot, CLiteral[] body, int next, Value?[] frame, Func<bool> k)
    {
        switch (collection)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!LoopStep(keySlot, keySlot >= 0 ? NumberValue.Of(i) : null, valueSlot, a[i], body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (!LoopStep(keySlot, o.Keys[i], valueSlot, o.Values[i], body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue set:
                foreach (var item in set.ItemArray)
                {
                    if (!LoopStep(keySlot, item, valueSlot, item, body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>One iteration per node of <paramref name="node"/>, in pre-order as <see cref="WalkValues"/> visits them.</summary>
    private bool WalkLoop(Value node, int valueSlot, CLiteral[] body, int next, Value?[] frame, Func<bool> k)
    {
        if (!LoopStep(-1, null, valueSlot, node, body, next, frame, k))
        {
            return false;
        }

        switch (node)
        {
            case ArrayValue a:
                foreach (var item in a.Items)
                {
                    if (!WalkLoop(item, valueSlot, body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                foreach (var item in o.Values)
                {
                    if (!WalkLoop(item, valueSlot, body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue set:
                foreach (var item in set.ItemArray)
                {
                    if (!WalkLoop(item, valueSlot, body, next, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private bool LoopStep(int keySlot, Value? key, int valueSlot, Value value, CLiteral[] body, int next, Value?[] frame, Func<bool> k)
    {
        if (keySlot >= 0)
        {
            Bind(frame, keySlot, key!);
        }

        // As in the interpreter, the bindings are undone on return; after an exception the query is over.
        Bind(frame, valueSlot, value);
        var r = RunLoops(body, next, frame, k);
        frame[valueSlot] = null;
        if (keySlot >= 0)
        {
            frame[keySlot] = null;
        }

        return r;
    }
}
