using Steward.Policy.Builtins;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation.Types;

/// <summary>
/// The compile-time type check (OPA's <c>rego_type_error</c>), conservative: it reports a built-in call only when an
/// argument's type is definitely known and definitely outside the built-in's declared signature, and a unification
/// only when both sides have definitely disjoint types. It runs only on policies that compiled without other errors.
/// </summary>
internal static class TypeCheck
{
    public static void Run(IEnumerable<(Module Module, ModuleScope Scope)> modules, RuleTree tree, BuiltinRegistry builtins, CompileErrors errors)
    {
        if (errors.Items.Count > 0)
        {
            return;
        }

        var ruleTypes = new RuleTypes(tree);
        foreach (var (module, scope) in modules)
        {
            foreach (var rule in module.Rules)
            {
                var bound = BindingNames.Collect(rule, builtins);
                for (var r = rule; r is not null; r = r.Else)
                {
                    new BodyTypeChecker(scope, ruleTypes, builtins, errors, bound).CheckRule(r);
                }
            }
        }
    }

    public static void RunQuery(IReadOnlyList<Literal> query, RuleTree tree, BuiltinRegistry builtins, CompileErrors errors)
    {
        if (errors.Items.Count > 0)
        {
            return;
        }

        var scope = new ModuleScope("query", []);
        var rule = new Rule(default, false, new RuleHead(default, new VarTerm(default, "query"), null, null, null, false), query, null);
        new BodyTypeChecker(scope, new RuleTypes(tree), builtins, errors, BindingNames.Collect(rule, builtins)).CheckBody(query, new TypeEnv(null));
    }
}
