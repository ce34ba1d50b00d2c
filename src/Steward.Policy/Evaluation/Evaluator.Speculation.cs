namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Whether a term's single-value form may evaluate its parts in order and then hand over to the interpreter
    /// (answer "several values") part-way: the interpreter then evaluates the whole term again, so a part that
    /// prints (a function call, <c>print</c>) or is costly (a comprehension) before the part that hands over would
    /// run twice. Such terms hand over before evaluating anything; the interpreter evaluates each part once, left
    /// to right, as OPA does. Worked out once per term from its shape.
    /// </summary>
    internal static bool SpeculationUnsafe(CTerm term)
    {
        if ((term.SpeculationState & UnsafeKnown) == 0)
        {
            var result = term switch
            {
                CCall c => Unsafe(null, c.Args),
                CArray a => Unsafe(null, a.Items),
                CSet s => Unsafe(null, s.Items),
                CRef r => Unsafe(r.Head, r.Path),
                _ => false,
            };
            term.SpeculationState |= UnsafeKnown | (result ? UnsafeYes : 0);
        }

        return (term.SpeculationState & UnsafeYes) != 0;
    }

    // CTerm.SpeculationState holds three answers, each worked out once: whether the term is unsafe to evaluate
    // speculatively, whether it is costly, whether it may hand over.
    private const int UnsafeKnown = 1;
    private const int UnsafeYes = 2;
    private const int CostlyKnown = 4;
    private const int CostlyYes = 8;
    private const int HandOverKnown = 16;
    private const int HandOverYes = 32;

    private static bool Costly(CTerm term)
    {
        if ((term.SpeculationState & CostlyKnown) == 0)
        {
            term.SpeculationState |= CostlyKnown | (CostlyUncached(term) ? CostlyYes : 0);
        }

        return (term.SpeculationState & CostlyYes) != 0;
    }

    private static bool MayHandOver(CTerm term)
    {
        if ((term.SpeculationState & HandOverKnown) == 0)
        {
            term.SpeculationState |= HandOverKnown | (MayHandOverUncached(term) ? HandOverYes : 0);
        }

        return (term.SpeculationState & HandOverYes) != 0;
    }

    /// <summary>Whether evaluating both sides of a unification as single values, left first, is unsafe (see above).</summary>
    internal static bool SpeculationUnsafe(CUnify u)
    {
        if (u.SpeculationState == 0)
        {
            u.SpeculationState = Costly(u.Left) && MayHandOver(u.Right) ? 2 : 1;
        }

        return u.SpeculationState == 2;
    }

    /// <summary>Whether a part that may hand over follows a costly one: <paramref name="first"/> (if any), then <paramref name="parts"/>.</summary>
    private static bool Unsafe(CTerm? first, CTerm[] parts)
    {
        var costly = first is not null && Costly(first);
        foreach (var part in parts)
        {
            if (costly && MayHandOver(part))
            {
                return true;
            }

            costly |= Costly(part);
        }

        return false;
    }

    /// <summary>Whether evaluating a term may print or do costly work: a function or print call, or a comprehension, anywhere in it.</summary>
    private static bool CostlyUncached(CTerm term) => term switch
    {
        CConst or CVar => false,
        CComprehension => true,
        CRef r => (r.Head is not null && Costly(r.Head)) || AnyCostly(r.Path),
        CCall call => call.Function is not null || call.Builtin == SpecialBuiltins.Print || call.Builtin is null || AnyCostly(call.Args),
        CArray a => AnyCostly(a.Items),
        CSet s => AnyCostly(s.Items),
        CObject o => AnyCostly(o.Keys) || AnyCostly(o.Values),
        _ => true,
    };

    private static bool AnyCostly(CTerm[] terms)
    {
        foreach (var t in terms)
        {
            if (Costly(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a term's single-value form may answer "several values" (hand over). Conservative: <c>data</c>
    /// references, non-constant reference keys, objects, relations, <c>print</c> and comprehensions that may print
    /// or build objects. Calls replaced by <c>with</c> hand over before evaluating any argument, so they are not
    /// counted here (under <c>with</c> every function call hands over at once, and what could print is a call).
    /// </summary>
    private static bool MayHandOverUncached(CTerm term) => term switch
    {
        CConst or CVar => false,
        CRef r => r.Root == RefRoot.Data || (r.Head is not null && MayHandOver(r.Head)) || SpeculationUnsafe(r) || !AllConstant(r.Path),
        CCall call => call.Builtin == SpecialBuiltins.Print
            || (call.Function is null && call.Builtin is not { Function: not null })
            || SpeculationUnsafe(call)
            || AnyMayHandOver(call.Args, itemsArePatterns: false),
        CArray a => SpeculationUnsafe(a) || AnyMayHandOver(a.Items, itemsArePatterns: true),
        CSet s => SpeculationUnsafe(s) || AnyMayHandOver(s.Items, itemsArePatterns: true),
        CComprehension c => c.Kind == ComprehensionKind.Object || MayPrint(c),
        _ => true,
    };

    private static bool AnyMayHandOver(CTerm[] terms, bool itemsArePatterns)
    {
        foreach (var t in terms)
        {
            // An unbound variable item makes a collection a pattern, which the caller unifies instead.
            if ((itemsArePatterns && t is CVar) || MayHandOver(t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllConstant(CTerm[] terms)
    {
        foreach (var t in terms)
        {
            if (t is not CConst)
            {
                return false;
            }
        }

        return true;
    }
}
