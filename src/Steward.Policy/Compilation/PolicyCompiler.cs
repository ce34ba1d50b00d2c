using Steward.Policy.Builtins;
using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>Parses, checks and compiles modules and queries.</summary>
internal static class PolicyCompiler
{
    public static (IReadOnlyList<Module> Modules, RuleTree Tree) Compile(IReadOnlyList<PolicySource> sources, BuiltinRegistry builtins) =>
        throw new NotSupportedException("The compiler is being written.");

    public static CompiledQuery CompileQuery(CompiledPolicy policy, string query) =>
        throw new NotSupportedException("The compiler is being written.");
}
