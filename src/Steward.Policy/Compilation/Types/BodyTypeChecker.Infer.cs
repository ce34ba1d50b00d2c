using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>Type inference of terms, checking every call met on the way.</summary>
internal sealed partial class BodyTypeChecker
{
    /// <summary>
    /// The type of a term. Inside composite literals only constants count (as in OPA, whose checker does not carry
    /// variable or rule types into array, set and object literals), so <paramref name="nested"/> turns variables,
    /// references and call results into <c>any</c> there.
    /// </summary>
    private RegoType Infer(Term? term, TypeEnv env, bool nested)
    {
        switch (term)
        {
            case null:
                return RegoType.Any;
            case StringTerm:
                return RegoType.String;
            case NumberTerm:
                return RegoType.Number;
            case BooleanTerm:
                return RegoType.Boolean;
            case NullTerm:
                return RegoType.Null;
            case UnaryMinusTerm { Operand: NumberTerm }:
                return RegoType.Number;
            case UnaryMinusTerm u:
                Infer(u.Operand, env, nested);
                return RegoType.Any;
            case VarTerm v:
                return nested ? RegoType.Any : VarType(v.Name, env);
            case RefTerm r:
                var refType = RefType(r, env);
                return nested ? RegoType.Any : refType;
            case CallTerm c:
                var callType = Call(c, env);
                return nested ? RegoType.Any : callType;
            case BinaryTerm b:
                var binaryType = CheckCall(RuleLowering.OperatorNames[b.Operator], [b.Left, b.Right], b.Location, env);
                return nested ? RegoType.Any : binaryType;
            case MembershipTerm m:
                Infer(m.Key, env, false);
                Infer(m.Value, env, false);
                Infer(m.Collection, env, false);
                return RegoType.Boolean;
            case ArrayTerm a:
                return RegoType.StaticArray(a.Items.Select(i => Infer(i, env, true)).ToList());
            case SetTerm s:
                return RegoType.SetOfItems(s.Items.Select(i => Infer(i, env, true)).ToList());
            case ObjectTerm o:
                return RegoType.StaticObject(o.Entries.Select(e => (Infer(e.Key, env, true), Infer(e.Value, env, true))).ToList());
            case ArrayComprehension ac:
                Closure(ac.Body, env, ac.Head);
                return RegoType.ArrayOf(null);
            case SetComprehension sc:
                Closure(sc.Body, env, sc.Head);
                return RegoType.SetOf(null);
            case ObjectComprehension oc:
                Closure(oc.Body, env, oc.Key, oc.Value);
                return RegoType.ObjectOf(null, null);
            default:
                return RegoType.Any;
        }
    }

    private void Closure(IReadOnlyList<Literal> body, TypeEnv env, params Term[] heads)
    {
        var inner = new TypeEnv(env);
        CheckBody(body, inner);
        foreach (var head in heads)
        {
            Infer(head, inner, false);
        }
    }

    private RegoType VarType(string name, TypeEnv env)
    {
        if (env.Find(name) is { } local)
        {
            return local;
        }

        if (bound.Contains(name) || scope.Imports.ContainsKey(name) || !scope.RuleNames.Contains(name))
        {
            return RegoType.Any;
        }

        return ruleTypes.Get([.. scope.Package, name]);
    }

    private RegoType RefType(RefTerm reference, TypeEnv env)
    {
        Infer(reference.Head, env, false);
        foreach (var segment in reference.Path)
        {
            Infer(segment, env, false);
        }

        if (reference.Head is not VarTerm head || !reference.Path.All(p => p is StringTerm) || bound.Contains(head.Name) || env.Find(head.Name) is not null)
        {
            return RegoType.Any;
        }

        var path = reference.Path.Select(p => ((StringTerm)p).Value);
        if (head.Name == "data")
        {
            return ruleTypes.Get([.. path]);
        }

        if (!scope.Imports.ContainsKey(head.Name) && scope.RuleNames.Contains(head.Name))
        {
            return ruleTypes.Get([.. scope.Package, head.Name, .. path]);
        }

        return RegoType.Any;
    }

    private RegoType Call(CallTerm call, TypeEnv env)
    {
        var name = FunctionName(call.Function, env);
        if (name is null)
        {
            foreach (var argument in call.Arguments)
            {
                Infer(argument, env, false);
            }

            return RegoType.Any;
        }

        return CheckCall(name, call.Arguments, call.Location, env);
    }

    /// <summary>The built-in a call names, or null for user functions, imports and anything not plainly a built-in.</summary>
    private string? FunctionName(Term function, TypeEnv env)
    {
        var (head, path) = function switch
        {
            VarTerm v => (v.Name, Array.Empty<Term>()),
            RefTerm { Head: VarTerm v } r => (v.Name, r.Path.ToArray()),
            _ => ("", []),
        };
        if (head.Length == 0 || head is "data" or "input" || !path.All(p => p is StringTerm)
            || scope.Imports.ContainsKey(head) || scope.RuleNames.Contains(head) || bound.Contains(head) || env.Find(head) is not null)
        {
            return null;
        }

        return string.Join('.', path.Select(p => ((StringTerm)p).Value).Prepend(head));
    }
}
