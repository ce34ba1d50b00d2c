using System.Runtime.CompilerServices;
using Steward.Policy.Evaluation.Compiled;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Compiles a term to a delegate with the contract of <see cref="TryEvalSingleInterpreted"/>: constants,
    /// variables, references into input or terms with their keys resolved in advance, built-ins bound to their
    /// implementation, calls with their arguments in locals instead of the argument stack, and literal arrays and
    /// sets (folded to constants when ground), calls of pure core built-ins with constant arguments folded. Sub-terms must be compiled first (their forms are captured).
    /// Returns null for terms left to the interpreter (data references keep their memo and rule-target logic,
    /// object comprehensions, objects, relations, <c>print</c>).
    /// </summary>
    internal static SingleFn? CompileTerm(CTerm term)
    {
        switch (term)
        {
            case CConst c:
            {
                var constant = c.Value;
                return (Evaluator _, Value?[] _, out Value? value) =>
                {
                    value = constant;
                    return true;
                };
            }

            case CVar v:
            {
                var slot = v.Slot;
                return (Evaluator _, Value?[] frame, out Value? value) =>
                {
                    value = frame[slot] ?? throw Unsafe(v);
                    return true;
                };
            }

            case CRef r when SpeculationUnsafe(r):
                return CompiledCall.HandOver;
            case CRef { Root: RefRoot.Data } r:
                return (Evaluator ev, Value?[] frame, out Value? value) => ev.TryEvalDataRefCompiled(r, frame, out value);
            case CRef r:
                return CompiledRef.Compile(r);
            case CArray a:
                return CompileItems(a, a.Items, items => new ArrayValue(items));
            case CSet s:
                return CompileItems(s, s.Items, items => SetValue.FromOwned(items, items.Length));
            case CComprehension { Kind: ComprehensionKind.Array or ComprehensionKind.Set } comprehension:
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    // As the interpreter's: one value, unless something inside may print (then it enumerates).
                    if (MayPrint(comprehension))
                    {
                        value = null;
                        return false;
                    }

                    value = ev.EvalComprehension(comprehension, frame);
                    return true;
                };
            case CCall l when SpecialBuiltins.IsLogic(l.Builtin):
                // and/or/not evaluate their operands lazily (short-circuit); the interpreter's single-value path does that.
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    value = null;
                    return !ev.HasMocks && ev.TryEvalLogic(l, frame, out value);
                };
            case CCall c when c.Function is not null || (c.Builtin is { Function: not null } && c.Builtin != SpecialBuiltins.Print):
                if (ConstantFolding.TryFold(c) is { } folded)
                {
                    return (Evaluator ev, Value?[] _, out Value? value) =>
                    {
                        // A call replaced by with is the interpreter's, folded or not.
                        value = ev.HasMocks ? null : folded;
                        return value is not null;
                    };
                }

                return CompiledCall.Compile(c);
            default:
                return null;
        }
    }

    /// <summary>
    /// A <c>data</c> reference once its first evaluation has classified it (see <see cref="TryEvalRefSingle"/>):
    /// a data-constant one reads its memo, one that reaches a rule through constant keys asks the rule cache and
    /// indexes the rest of its path, without the walk; anything else (and <c>with</c>) goes the interpreter's way.
    /// </summary>
    private bool TryEvalDataRefCompiled(CRef r, Value?[] frame, out Value? value)
    {
        if (_overrides is null && _mocks is null)
        {
            if (r.DataConstantState == 2)
            {
                if (TryMemo(r, out value))
                {
                    return true;
                }
            }
            else if (r.DataConstantState == 1 && r.RuleTarget is { Node: { IsFunction: false } node } target)
            {
                return TryIndexPath(EvalNode(node), r.Path, target.Consumed, frame, out value);
            }
        }

        return TryEvalRefSingle(r, frame, out value);
    }

    /// <summary>The compiled form of a sub-term, or the interpreter's evaluation of it.</summary>
    internal static SingleFn FormOf(CTerm term) =>
        term.Single ?? ((Evaluator ev, Value?[] frame, out Value? value) => ev.TryEvalSingleInterpreted(term, frame, out value));

    private static SingleFn CompileItems(CTerm collection, CTerm[] items, Func<Value[], Value> build)
    {
        if (SpeculationUnsafe(collection))
        {
            return CompiledCall.HandOver;
        }

        if (items.All(i => i is CConst))
        {
            // Ground: one value for every evaluation.
            var folded = build([.. items.Select(i => ((CConst)i).Value)]);
            return (Evaluator _, Value?[] _, out Value? value) =>
            {
                value = folded;
                return true;
            };
        }

        var forms = items.Select(FormOf).ToArray();
        var freeSlots = items.Select(i => i is CVar v ? v.Slot : -1).ToArray();
        return (Evaluator ev, Value?[] frame, out Value? value) =>
        {
            var result = new Value[forms.Length];
            for (var i = 0; i < forms.Length; i++)
            {
                // An unbound variable makes the collection a pattern: the caller unifies instead.
                if ((freeSlots[i] >= 0 && frame[freeSlots[i]] is null) || !forms[i](ev, frame, out var item))
                {
                    value = null;
                    return false;
                }

                if (item is null)
                {
                    value = null;
                    return true;
                }

                result[i] = item;
            }

            value = build(result);
            return true;
        };
    }

    /// <summary>The input document of the running query (compiled references read it).</summary>
    internal Value? InputDocument
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _input;
    }

    /// <summary>Whether functions are replaced by <c>with</c> in the running scope (compiled calls then defer to the interpreter).</summary>
    internal bool HasMocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _mocks is not null;
    }

    /// <summary>Calls a built-in or function with evaluated arguments, with the interpreter's error handling.</summary>
    internal Value? Invoke(CCall call, ReadOnlySpan<Value> args) => call.Function switch
    {
        null => CallBuiltin(call, args),
        // Worked out on first use, after compilation has made every straight function known.
        { LeanSlots: var slots } function when slots.Length == args.Length && slots.Length > 0 => CallLean(function, slots, args),
        var function => CallFunction(function, args),
    };
}
