using BenchmarkDotNet.Attributes;
using Steward.Policy;
using Steward.Policy.Decisions;
using Steward.Policy.Values;
using Steward.Sidecar.Policies;

namespace Steward.Benchmarks.Sidecar;

/// <summary>One decision of the shipped <c>ai_policy</c> (with the PII extension) on a typical allowed response.</summary>
[MemoryDiagnoser]
public class SidecarDecisionBenchmarks
{
    private EmbeddedDecisionPoint _engine = null!;
    private readonly PolicyPath _path = PolicyPath.Parse("data.ai_policy");
    private Value _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = PolicyBundle.Load(Steward.Benchmarks.Policy.AiPolicyFixture.PoliciesDirectory());
        _engine = new EmbeddedDecisionPoint(CompiledPolicy.Compile(bundle.Modules, SidecarBuiltins.Create()), new EmbeddedDecisionOptions { Data = bundle.Data });
        _input = ValueJson.Parse("""
            {"phase":"response","endpoint":"load","model":"credit-v3",
             "request":{"method":"POST","path":"/v1/predict","headers":{"content-type":"application/json","host":"127.0.0.1"},
                        "body":{"model":"credit-v3","applicant":{"id":"a-1042","income":52000,"history_months":84,"region":"EU"}}},
             "prediction":{"label":"approve","confidence":0.93,"text":"The application meets the criteria for approval; income and history are consistent.","model_version":"credit-v3.2"},
             "content_type":"application/json","status":200,"latency_ms":1.2}
            """);
    }

    [Benchmark]
    public bool Decide() => _engine.DecideAsync(_path, _input).GetAwaiter().GetResult().Allowed;
}
