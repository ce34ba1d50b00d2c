namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Whether a comprehension may print when evaluated: it calls print, calls a function (whose body may), or
    /// has a literal with <c>with</c> (which may replace a built-in by a function). Worked out once per comprehension.
    /// </summary>
    internal static bool MayPrint(CComprehension c)
    {
        if (c.PrintState == 0)
        {
            c.PrintState = TermMayPrint(c.Head) || (c.Value is not null && TermMayPrint(c.Value)) || BodyMayPrint(c.Body) ? 2 : 1;
        }

        return c.PrintState == 2;
    }

    private static bool BodyMayPrint(CLiteral[] body)
    {
        foreach (var literal in body)
        {
            if (literal.With.Length > 0 || ExprMayPrint(literal.Expr))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExprMayPrint(CExpr expr) => expr switch
    {
        CTermExpr t => TermMayPrint(t.Term),
        CUnify u => TermMayPrint(u.Left) || TermMayPrint(u.Right),
        CSomeIn s => (s.Key is not null && TermMayPrint(s.Key)) || TermMayPrint(s.Value) || TermMayPrint(s.Collection),
        CEvery e => (e.Key is not null && TermMayPrint(e.Key)) || TermMayPrint(e.Value) || TermMayPrint(e.Domain) || BodyMayPrint(e.Body),
        CTrue => false,
        _ => true,
    };

    private static bool TermMayPrint(CTerm term) => term switch
    {
        CConst or CVar => false,
        CRef r => (r.Head is not null && TermMayPrint(r.Head)) || AnyMayPrint(r.Path),
        CCall call => call.Function is not null || call.Builtin == SpecialBuiltins.Print || call.Builtin is null || AnyMayPrint(call.Args),
        CArray a => AnyMayPrint(a.Items),
        CSet s => AnyMayPrint(s.Items),
        CObject o => AnyMayPrint(o.Keys) || AnyMayPrint(o.Values),
        CComprehension c => MayPrint(c),
        _ => true,
    };

    private static bool AnyMayPrint(CTerm[] terms)
    {
        foreach (var t in terms)
        {
            if (TermMayPrint(t))
            {
                return true;
            }
        }

        return false;
    }
}
