using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Steward.Policy;
using Steward.Policy.Syntax;

namespace Steward.Benchmarks.Policy;

/// <summary>
/// Parsing, and parsing plus compiling (name resolution, safety ordering, recursion and data-constancy
/// analysis), a 200-line Rego v1 output policy (issue 3 target: parse and compile in at most 5 ms).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class RegoParseBenchmarks
{
    private string _module = "";

    /// <summary>The generated module (after <see cref="Setup"/>), shared with <see cref="RegoTypeCheckBenchmarks"/>.</summary>
    public string Module => _module;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("""
            package ai_policy

            import rego.v1

            default allow := false

            allow if {
            	count(deny) == 0
            	input.prediction.confidence >= data.thresholds.confidence
            }

            """);
        for (var i = 0; text.ToString().Split('\n').Length < 200; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                deny contains msg if {
                	some word in data.blocked_words[{{i}}]
                	contains(lower(input.prediction.text), word)
                	msg := sprintf("blocked word %q in rule {{i}}", [word])
                }

                score_{{i}}[label] := s if {
                	some label, s in input.prediction.scores
                	s > {{i}}.5 * 0.01
                	not label in {"neutral", "other"}
                }

                """);
        }
        _module = text.ToString();
        if (_module.Split('\n').Length < 200) throw new InvalidOperationException("module too short");
    }

    [Benchmark(Description = "parse a 200-line Rego module")]
    public Module Parse() => RegoParser.ParseModule(_module, "policy.rego");

    [Benchmark(Description = "parse and compile a 200-line Rego module")]
    public CompiledPolicy ParseAndCompile() => CompiledPolicy.Compile("policy.rego", _module);
}
