using Steward.Policy.Builtins;
using Steward.Policy.Builtins.Signatures;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>
/// Type-checks one rule: infers the types of terms that are definitely known (constants, composite literals,
/// built-in results, variables assigned once to such terms, constant rules) and reports calls and unifications
/// that can never succeed. Everything else, in particular <c>input</c> and <c>data</c>, is <c>any</c>.
/// </summary>
internal sealed partial class BodyTypeChecker(ModuleScope scope, RuleTypes ruleTypes, BuiltinRegistry builtins, CompileErrors errors, HashSet<string> bound)
{
    public void CheckRule(Rule rule)
    {
        var env = new TypeEnv(null);
        foreach (var argument in rule.Head.Arguments ?? [])
        {
            foreach (var name in SyntaxWalk.Vars(argument))
            {
                env.Hide(name);
            }
        }

        CheckBody(rule.Body, env);
        if (rule.Head.Name is RefTerm headRef)
        {
            foreach (var segment in headRef.Path)
            {
                Infer(segment, env, false);
            }
        }

        Infer(rule.Head.Contains, env, false);
        Infer(rule.Head.Value, env, false);
    }

    public void CheckBody(IReadOnlyList<Literal> body, TypeEnv env)
    {
        foreach (var literal in body)
        {
            if (literal.With.Count > 0)
            {
                // Replaced functions or documents: leave the literal to evaluation.
                HideAll(literal, env);
                continue;
            }

            switch (literal.Expression)
            {
                case TermExpr t:
                    Infer(t.Term, env, false);
                    break;
                case AssignExpr a:
                    var type = Infer(a.Right, env, false);
                    foreach (var name in SyntaxWalk.Vars(a.Left))
                    {
                        env.Hide(name);
                    }

                    if (a.Left is VarTerm v)
                    {
                        env.Set(v.Name, type);
                    }

                    break;
                case UnifyExpr u:
                    CheckUnify(u, env);
                    break;
                case SomeDeclExpr s:
                    foreach (var declared in s.Variables)
                    {
                        env.Hide(declared.Name);
                    }

                    break;
                case SomeInExpr s:
                    Infer(s.Collection, env, false);
                    HideVars(env, s.Key, s.Value);
                    break;
                case EveryExpr e:
                    Infer(e.Domain, env, false);
                    var inner = new TypeEnv(env);
                    HideVars(inner, e.Key, e.Value);
                    CheckBody(e.Body, inner);
                    break;
            }
        }
    }

    private void CheckUnify(UnifyExpr unify, TypeEnv env)
    {
        var left = Infer(unify.Left, env, false);
        var right = Infer(unify.Right, env, false);
        if (TypeCompatibility.Disjoint(left, right) && TypeCompatibility.Disjoint(right, left))
        {
            errors.Add(ErrorCodes.Type, $"match error\n\tleft  : {left}\n\tright : {right}", scope.File, unify.Location);
        }

        foreach (var name in SyntaxWalk.Vars(unify.Left).Concat(SyntaxWalk.Vars(unify.Right)))
        {
            env.Hide(name);
        }
    }

    private static void HideVars(TypeEnv env, params Term?[] patterns)
    {
        foreach (var name in patterns.SelectMany(SyntaxWalk.Vars))
        {
            env.Hide(name);
        }
    }

    private static void HideAll(Literal literal, TypeEnv env)
    {
        if (literal.Expression is AssignExpr a)
        {
            HideVars(env, a.Left);
        }
        else if (literal.Expression is UnifyExpr u)
        {
            HideVars(env, u.Left, u.Right);
        }
    }

    private RegoType CheckCall(string name, IReadOnlyList<Term> arguments, SourceLocation location, TypeEnv env)
    {
        var types = arguments.Select(a => Infer(a, env, false)).ToList();
        if (!SignatureTable.TryGet(name, out var signature)
            || !builtins.TryGet(name, out var builtin) || builtin.Arity != signature.Arguments.Count)
        {
            return RegoType.Any;
        }

        if (types.Count != signature.Arguments.Count && types.Count != signature.Arguments.Count + 1)
        {
            return RegoType.Any;
        }

        for (var i = 0; i < signature.Arguments.Count; i++)
        {
            if (TypeCompatibility.Disjoint(types[i], signature.Arguments[i]))
            {
                var have = TypeText.Tuple(types.Take(signature.Arguments.Count));
                var want = TypeText.Tuple(signature.Arguments);
                errors.Add(ErrorCodes.Type, $"{name}: invalid argument(s)\n\thave: {have}\n\twant: {want}", scope.File, location);
                return RegoType.Any;
            }
        }

        return types.Count == signature.Arguments.Count ? signature.Result : RegoType.Any;
    }
}
