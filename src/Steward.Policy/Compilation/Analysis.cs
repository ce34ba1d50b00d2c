using Steward.Policy.Evaluation;

namespace Steward.Policy.Compilation;

/// <summary>
/// Which variables terms and literals use, which they can bind themselves (reference keys iterate, patterns
/// bind), and the safety ordering of body literals that follows.
/// </summary>
internal static class Analysis
{
    public static HashSet<int> All(CTerm term)
    {
        var all = new HashSet<int>();
        Collect(term, all, null);
        return all;
    }

    public static HashSet<int> All(CLiteral literal)
    {
        var all = new HashSet<int>();
        Collect(literal, all, null);
        return all;
    }

    public static void AddAll(CTerm term, HashSet<int> set) => Collect(term, set, null);

    /// <summary>The variables a literal can be evaluated with already bound: all but those it binds itself.</summary>
    private static bool Ready(CLiteral literal, HashSet<int> bound, HashSet<int> elsewhere, out int missing)
    {
        foreach (var with in literal.With)
        {
            if (!NeedsBound(with.Value, bound, out missing))
            {
                return false;
            }
        }

        if (literal.Negated)
        {
            foreach (var slot in All(literal))
            {
                if (elsewhere.Contains(slot) && !bound.Contains(slot))
                {
                    missing = slot;
                    return false;
                }
            }

            missing = -1;
            return true;
        }

        switch (literal.Expr)
        {
            case CTermExpr t:
                return NeedsBound(t.Term, bound, out missing);
            case CUnify u:
                if (NeedsBound(u.Left, bound, out missing) && PatternOk(u.Right, bound, out _))
                {
                    return true;
                }

                if (NeedsBound(u.Right, bound, out var m2) && PatternOk(u.Left, bound, out _))
                {
                    return true;
                }

                missing = missing >= 0 ? missing : m2;
                return false;
            case CSomeIn s:
                if (!NeedsBound(s.Collection, bound, out missing))
                {
                    return false;
                }

                return (s.Key is null || PatternOk(s.Key, bound, out missing)) && PatternOk(s.Value, bound, out missing);
            case CEvery e:
            {
                var local = new HashSet<int>(e.LocalSlots);
                var needed = All(e.Domain);
                foreach (var lit in e.Body)
                {
                    needed.UnionWith(All(lit));
                }

                foreach (var slot in needed)
                {
                    if (!local.Contains(slot) && !bound.Contains(slot))
                    {
                        missing = slot;
                        return false;
                    }
                }

                missing = -1;
                return NeedsBound(e.Domain, bound, out missing);
            }

            default:
                missing = -1;
                return true;
        }
    }

    /// <summary>Orders literals so each is evaluated once the variables it needs are bound (a stable greedy pass, like OPA's).</summary>
    public static CLiteral[] Order(List<CLiteral> literals, HashSet<int> bound, out CLiteral? stuck, out int missing)
    {
        var b = new HashSet<int>(bound);
        var remaining = new List<CLiteral>(literals);
        var ordered = new List<CLiteral>(literals.Count);
        stuck = null;
        missing = -1;
        var usage = literals.Select(All).ToList();
        while (remaining.Count > 0)
        {
            var picked = -1;
            for (var i = 0; i < remaining.Count; i++)
            {
                var elsewhere = new HashSet<int>();
                for (var j = 0; j < literals.Count; j++)
                {
                    if (!ReferenceEquals(literals[j], remaining[i]))
                    {
                        elsewhere.UnionWith(usage[j]);
                    }
                }

                if (Ready(remaining[i], b, elsewhere, out _))
                {
                    picked = i;
                    break;
                }
            }

            if (picked < 0)
            {
                var first = remaining[0];
                var elsewhere = new HashSet<int>(literals.Where(l => !ReferenceEquals(l, first)).SelectMany(All));
                Ready(first, b, elsewhere, out missing);
                stuck = first;
                ordered.AddRange(remaining);
                return [.. ordered];
            }

            var literal = remaining[picked];
            remaining.RemoveAt(picked);
            ordered.Add(literal);
            if (!literal.Negated && literal.Expr is not CEvery)
            {
                b.UnionWith(All(literal));
            }
        }

        return [.. ordered];
    }

    public static HashSet<int> BoundAfter(CLiteral[] body, HashSet<int> bound)
    {
        var b = new HashSet<int>(bound);
        foreach (var literal in body)
        {
            if (!literal.Negated && literal.Expr is not CEvery)
            {
                b.UnionWith(All(literal));
            }
        }

        return b;
    }

    /// <summary>Whether every variable the term needs (all but iterated reference keys) is bound.</summary>
    private static bool NeedsBound(CTerm term, HashSet<int> bound, out int missing)
    {
        var all = new HashSet<int>();
        var generated = new HashSet<int>();
        Collect(term, all, generated);
        foreach (var slot in all)
        {
            if (!bound.Contains(slot) && !generated.Contains(slot))
            {
                missing = slot;
                return false;
            }
        }

        missing = -1;
        return true;
    }

    private static bool PatternOk(CTerm term, HashSet<int> bound, out int missing)
    {
        switch (term)
        {
            case CVar:
                missing = -1;
                return true;
            case CArray a:
                foreach (var item in a.Items)
                {
                    if (!PatternOk(item, bound, out missing))
                    {
                        return false;
                    }
                }

                missing = -1;
                return true;
            case CObject o:
                foreach (var key in o.Keys)
                {
                    if (!NeedsBound(key, bound, out missing))
                    {
                        return false;
                    }
                }

                foreach (var value in o.Values)
                {
                    if (!PatternOk(value, bound, out missing))
                    {
                        return false;
                    }
                }

                missing = -1;
                return true;
            default:
                return NeedsBound(term, bound, out missing);
        }
    }

    private static void Collect(CLiteral literal, HashSet<int> all, HashSet<int>? generated)
    {
        foreach (var with in literal.With)
        {
            Collect(with.Value, all, generated);
        }

        switch (literal.Expr)
        {
            case CTermExpr t:
                Collect(t.Term, all, generated);
                break;
            case CUnify u:
                Collect(u.Left, all, generated);
                Collect(u.Right, all, generated);
                break;
            case CSomeIn s:
                if (s.Key is not null)
                {
                    Collect(s.Key, all, generated);
                }

                Collect(s.Value, all, generated);
                Collect(s.Collection, all, generated);
                break;
            case CEvery e:
            {
                Collect(e.Domain, all, generated);
                var inner = new HashSet<int>();
                foreach (var lit in e.Body)
                {
                    Collect(lit, inner, null);
                }

                var local = new HashSet<int>(e.LocalSlots);
                all.UnionWith(inner.Where(s => !local.Contains(s)));
                break;
            }
        }
    }

    /// <summary>Collects the variables of a term; those in reference key positions also go to <paramref name="generated"/>.</summary>
    private static void Collect(CTerm term, HashSet<int> all, HashSet<int>? generated)
    {
        switch (term)
        {
            case CVar v:
                all.Add(v.Slot);
                break;
            case CRef r:
                if (r.Head is not null)
                {
                    Collect(r.Head, all, generated);
                }

                foreach (var p in r.Path)
                {
                    if (p is CVar pv)
                    {
                        all.Add(pv.Slot);
                        generated?.Add(pv.Slot);
                    }
                    else if (p is CArray or CObject)
                    {
                        // A composite key such as [1, x] is unified with each key of the collection.
                        var inner = new HashSet<int>();
                        Collect(p, inner, null);
                        all.UnionWith(inner);
                        generated?.UnionWith(inner);
                    }
                    else
                    {
                        Collect(p, all, generated);
                    }
                }

                break;
            case CCall c:
                foreach (var a in c.Args)
                {
                    Collect(a, all, generated);
                }

                break;
            case CArray a:
                foreach (var i in a.Items)
                {
                    Collect(i, all, generated);
                }

                break;
            case CSet s:
                foreach (var i in s.Items)
                {
                    Collect(i, all, generated);
                }

                break;
            case CObject o:
                foreach (var k in o.Keys)
                {
                    Collect(k, all, generated);
                }

                foreach (var v in o.Values)
                {
                    Collect(v, all, generated);
                }

                break;
            case CComprehension c:
            {
                var inner = new HashSet<int>();
                Collect(c.Head, inner, null);
                if (c.Value is not null)
                {
                    Collect(c.Value, inner, null);
                }

                foreach (var lit in c.Body)
                {
                    Collect(lit, inner, null);
                }

                var local = new HashSet<int>(c.LocalSlots);
                all.UnionWith(inner.Where(s => !local.Contains(s)));
                break;
            }
        }
    }
}
