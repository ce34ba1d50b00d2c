using BenchmarkDotNet.Attributes;
using Steward.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Compilation;
using Steward.Policy.Compilation.Types;
using Steward.Policy.Syntax;

namespace Steward.Benchmarks.Policy;

/// <summary>
/// The compile-time type check's share of parse and compile, on <see cref="RegoParseBenchmarks"/>' 200-line module:
/// parse+compile (which includes the check) against the check alone over the same parsed modules and rule tree, in one
/// run, so "before" is the difference.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class RegoTypeCheckBenchmarks
{
    private string _module = "";
    private List<(Module Module, ModuleScope Scope)> _modules = [];
    private RuleTree _tree = new();

    [GlobalSetup]
    public void Setup()
    {
        var source = new RegoParseBenchmarks();
        source.Setup();
        _module = source.Module;
        var (modules, tree) = PolicyCompiler.Compile([new PolicySource("policy.rego", _module)], BuiltinRegistry.Default);
        _tree = tree;
        _modules = modules.Select(m => (m, new ModuleScope("policy.rego", [.. m.Package.Path])
        {
            RuleNames = m.Rules.Select(r => r.Head.Name switch
            {
                VarTerm v => v.Name,
                RefTerm { Head: VarTerm v } => v.Name,
                _ => "",
            }).ToHashSet(StringComparer.Ordinal),
        })).ToList();
    }

    [Benchmark(Baseline = true, Description = "parse and compile a 200-line Rego module (with type check)")]
    public CompiledPolicy ParseAndCompile() => CompiledPolicy.Compile("policy.rego", _module);

    [Benchmark(Description = "type check alone, same module")]
    public int TypeCheckAlone()
    {
        var errors = new CompileErrors();
        TypeCheck.Run(_modules, _tree, BuiltinRegistry.Default, errors);
        return errors.Items.Count;
    }
}
