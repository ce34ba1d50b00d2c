using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>Finds the variable names a body uses and declares at its own level (not inside nested closures).</summary>
internal static class SyntaxScan
{
    /// <summary>Names declared by <c>some</c>, <c>some ... in</c> and <c>:=</c> directly in a body.</summary>
    public static IEnumerable<(string Name, bool Assigned, SourceLocation Location, int Index)> Declared(IEnumerable<Literal> body)
    {
        var index = -1;
        foreach (var literal in body)
        {
            index++;
            switch (literal.Expression)
            {
                case SomeDeclExpr some:
                    foreach (var v in some.Variables)
                    {
                        yield return (v.Name, false, v.Location, index);
                    }

                    break;
                case SomeInExpr someIn:
                    foreach (var name in PatternVars(someIn.Key).Concat(PatternVars(someIn.Value)))
                    {
                        yield return (name, false, someIn.Location, index);
                    }

                    break;
                case AssignExpr assign:
                    foreach (var name in PatternVars(assign.Left))
                    {
                        yield return (name, true, assign.Location, index);
                    }

                    break;
            }
        }
    }

    /// <summary>Variables of a pattern term (vars, arrays and object values of vars).</summary>
    public static IEnumerable<string> PatternVars(Term? term)
    {
        switch (term)
        {
            case VarTerm v when v.Name != "_":
                yield return v.Name;
                break;
            case ArrayTerm a:
                foreach (var item in a.Items.SelectMany(PatternVars))
                {
                    yield return item;
                }

                break;
            case ObjectTerm o:
                foreach (var item in o.Entries.SelectMany(e => PatternVars(e.Value)))
                {
                    yield return item;
                }

                break;
        }
    }

    /// <summary>Every variable name used in terms at this level (entering refs, calls and collections, not closures).</summary>
    public static void Used(Term? term, HashSet<string> names)
    {
        switch (term)
        {
            case VarTerm v:
                names.Add(v.Name);
                break;
            case RefTerm r:
                Used(r.Head, names);
                foreach (var p in r.Path)
                {
                    Used(p, names);
                }

                break;
            case CallTerm c:
                foreach (var a in c.Arguments)
                {
                    Used(a, names);
                }

                break;
            case BinaryTerm b:
                Used(b.Left, names);
                Used(b.Right, names);
                break;
            case UnaryMinusTerm u:
                Used(u.Operand, names);
                break;
            case MembershipTerm m:
                Used(m.Key, names);
                Used(m.Value, names);
                Used(m.Collection, names);
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    Used(i, names);
                }

                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    Used(i, names);
                }

                break;
            case ObjectTerm o:
                foreach (var e in o.Entries)
                {
                    Used(e.Key, names);
                    Used(e.Value, names);
                }

                break;
            case SetComprehension { Transparent: true } operand:
                // An implicit and/or operand: its variables are the enclosing body's.
                foreach (var literal in operand.Body)
                {
                    Used(literal, names);
                }

                break;
        }
    }

    public static void Used(Literal literal, HashSet<string> names, HashSet<string>? withNames = null)
    {
        switch (literal.Expression)
        {
            case TermExpr t:
                Used(t.Term, names);
                break;
            case UnifyExpr u:
                Used(u.Left, names);
                Used(u.Right, names);
                break;
            case AssignExpr a:
                Used(a.Left, names);
                Used(a.Right, names);
                break;
            case SomeInExpr s:
                Used(s.Key, names);
                Used(s.Value, names);
                Used(s.Collection, names);
                break;
            case EveryExpr e:
                Used(e.Domain, names);
                break;
        }

        foreach (var with in literal.With)
        {
            // A bare name as a with value may name a replacement function rather than a variable.
            if (with.Value is VarTerm or RefTerm { Head: VarTerm })
            {
                withNames?.Add(with.Value is VarTerm v ? v.Name : ((VarTerm)((RefTerm)with.Value).Head).Name);
                if (with.Value is RefTerm r)
                {
                    foreach (var p in r.Path)
                    {
                        Used(p, names);
                    }
                }

                continue;
            }

            Used(with.Value, names);
        }
    }
}
