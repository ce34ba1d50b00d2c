using Steward.Policy.Values;

namespace Steward.Policy.Evaluation.Compiled;

/// <summary>
/// References into <c>input</c> or into a term's value, compiled: constant keys are resolved in advance (a
/// path of constants is one loop of lookups), variable keys read their slot, and other keys run their own
/// compiled form. An unbound variable key means the reference iterates, which the interpreter does.
/// </summary>
internal static class CompiledRef
{
    public static SingleFn Compile(CRef r)
    {
        var path = r.Path;
        var head = r.Root == RefRoot.Term ? Evaluator.FormOf(r.Head!) : null;
        if (path.All(p => p is CConst))
        {
            var keys = path.Select(p => ((CConst)p).Value).ToArray();
            var hints = new int[keys.Length];
            if (head is null)
            {
                return (Evaluator ev, Value?[] _, out Value? value) =>
                {
                    value = Walk(ev.InputDocument, keys, hints);
                    return true;
                };
            }

            return (Evaluator ev, Value?[] frame, out Value? value) =>
            {
                if (!head(ev, frame, out var current))
                {
                    value = null;
                    return false;
                }

                value = Walk(current, keys, hints);
                return true;
            };
        }

        var constants = path.Select(p => p is CConst c ? c.Value : null).ToArray();
        var slots = path.Select(p => p is CVar v ? v.Slot : -1).ToArray();
        var forms = path.Select(p => p is CConst or CVar ? null : Evaluator.FormOf(p)).ToArray();
        return (Evaluator ev, Value?[] frame, out Value? value) =>
        {
            Value? current;
            if (head is null)
            {
                current = ev.InputDocument;
            }
            else if (!head(ev, frame, out current))
            {
                value = null;
                return false;
            }

            for (var i = 0; i < constants.Length && current is not null; i++)
            {
                var key = constants[i];
                if (key is null)
                {
                    if (slots[i] >= 0)
                    {
                        key = frame[slots[i]];
                        if (key is null)
                        {
                            value = null;
                            return false;
                        }
                    }
                    else if (!forms[i]!(ev, frame, out key))
                    {
                        value = null;
                        return false;
                    }
                }

                current = key is null ? null : Evaluator.Index(current, key);
            }

            value = current;
            return true;
        };
    }

    /// <summary>Follows constant keys; <paramref name="hints"/> holds, per key, where it was last found in an object.</summary>
    private static Value? Walk(Value? current, Value[] keys, int[] hints)
    {
        for (var i = 0; i < keys.Length && current is not null; i++)
        {
            current = current is ObjectValue o ? o.Get(keys[i], ref hints[i]) : Evaluator.Index(current, keys[i]);
        }

        return current;
    }
}
