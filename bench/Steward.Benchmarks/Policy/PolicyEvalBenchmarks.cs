using System.Text;
using BenchmarkDotNet.Attributes;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Benchmarks.Policy;

/// <summary>
/// Embedded evaluation of <c>data.ai_policy.allow</c> for a 1 KB prediction (issue 3 target: at least 500,000
/// decisions/s on one core, p99 at most 10 µs): the shipped library as the sidecar loads it, the same without the
/// PII extension, and a ten-rule policy of thresholds and schema checks that scans no text, which isolates the
/// engine's own cost from the built-ins' string work. Also: reading the 1 KB input from JSON.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class PolicyEvalBenchmarks
{
    private const string RulesOnly = """
        package ai_policy

        default allow := false
        allow if count(deny) == 0

        p := input.prediction
        cfg := data.config.ai_policy

        deny contains "status" if { input.status >= 300 }
        deny contains "label_type" if { not is_string(p.label) }
        deny contains "confidence_type" if { not is_number(p.confidence) }
        deny contains "confidence_range" if { is_number(p.confidence); p.confidence > 1 }
        deny contains "confidence_low" if { p.confidence < cfg.min_confidence }
        deny contains msg if { some field, want in cfg.schema.required; type_name(p[field]) != want; msg := concat(": ", ["schema", field]) }
        deny contains msg if { some field, _ in cfg.schema.required; not p[field]; msg := concat(": ", ["missing", field]) }
        deny contains "model" if { count(cfg.allowed_models) > 0; not input.model in cfg.allowed_models }
        deny contains "label" if { count(cfg.allowed_labels) > 0; not p.label in cfg.allowed_labels }
        deny contains "latency" if { input.latency_ms > 10000 }
        """;

    private static readonly string[] AllowPath = ["ai_policy", "allow"];
    private CompiledPolicy _library = null!;
    private CompiledPolicy _core = null!;
    private CompiledPolicy _rulesOnly = null!;
    private EvalOptions _libraryOptions = null!;
    private EvalOptions _coreOptions = null!;
    private byte[] _inputJson = [];

    [GlobalSetup]
    public void Setup()
    {
        var policies = AiPolicyFixture.PoliciesDirectory();
        (_library, var data) = AiPolicyFixture.Load(policies);
        _core = CompiledPolicy.Compile([new PolicySource("policy.rego", File.ReadAllText(Path.Combine(policies, "ai_policy", "policy.rego")))]);
        _rulesOnly = CompiledPolicy.Compile("rules.rego", RulesOnly);
        _inputJson = Encoding.UTF8.GetBytes(AiPolicyFixture.InputJson());
        var input = ValueJson.Parse(_inputJson);
        _libraryOptions = new EvalOptions { Input = input, Data = data };
        _coreOptions = _libraryOptions;
        foreach (var (policy, options) in new[] { (_library, _libraryOptions), (_core, _coreOptions), (_rulesOnly, _coreOptions) })
        {
            if (policy.EvaluateData(AllowPath, options) is not { IsTrue: true })
            {
                throw new InvalidOperationException("the benchmark input must be allowed");
            }
        }
    }

    [Benchmark(Description = "ai_policy library (with PII extension), 1 KB prediction")]
    public Value? Library() => _library.EvaluateData(AllowPath, _libraryOptions);

    [Benchmark(Description = "ai_policy core (no PII extension), 1 KB prediction")]
    public Value? Core() => _core.EvaluateData(AllowPath, _coreOptions);

    [Benchmark(Description = "ten rules, no text scanning, 1 KB prediction")]
    public Value? TenRules() => _rulesOnly.EvaluateData(AllowPath, _coreOptions);

    [Benchmark(Description = "read the 1 KB input from JSON")]
    public Value ParseInput() => ValueJson.Parse(_inputJson);
}
