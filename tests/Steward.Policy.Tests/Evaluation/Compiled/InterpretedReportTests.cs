using Steward.Policy.Compilation;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// The report of what the interpreter still evaluates: it names each kind of literal and term left to the
/// interpreter with its reason, and prints the shipped output policy's remainder (the speed work's to-do list).
/// </summary>
public sealed class InterpretedReportTests(ITestOutputHelper output)
{
    [Fact]
    public void Report_NamesWhatStaysInterpreted()
    {
        const string module = """
            package r
            all_small if {
                every x in {"a": input.y} { x < 10 }
            }
            pairs contains [a, b] if {
                [a, b] := input.pair
            }
            mocked := y if {
                y := f(1) with input as {}
            }
            f(x) := x
            walked contains v if {
                walk(input, [_, v])
            }
            objs := {k: v | some k, v in input.o}
            plain_every if {
                every k, x in input.xs { x < 10; k != 3 }
            }
            loops contains x if {
                some x in input.xs
                x > 1
            }
            """;
        var report = InterpretedReport.For(CompiledPolicy.Compile([new PolicySource("r.rego", module)], null, interpreted: false));
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        Assert.Contains(report, l => l.StartsWith("r.rego:3:", StringComparison.Ordinal) && l.EndsWith(": every", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("r.rego:9:", StringComparison.Ordinal) && l.EndsWith(": with", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("r.rego:13:", StringComparison.Ordinal) && l.Contains("call of walk", StringComparison.Ordinal));
        Assert.Contains(report, l => l.Contains("data.r.objs", StringComparison.Ordinal) && l.Contains("object comprehension", StringComparison.Ordinal));
        Assert.DoesNotContain(report, l => l.Contains("data.r.loops", StringComparison.Ordinal));
        Assert.DoesNotContain(report, l => l.Contains("data.r.plain_every", StringComparison.Ordinal));

        // Without the compilation step everything is the interpreter's.
        var interpreted = InterpretedReport.For(CompiledPolicy.Compile([new PolicySource("r.rego", module)], null, interpreted: true));
        Assert.Contains(interpreted, l => l.Contains("data.r.loops", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedOutputPolicy_PrintsWhatStaysInterpreted()
    {
        var library = PolicyLibrary.Load();
        var policy = CompiledPolicy.Compile(library.Modules.Where(m => m.Name.StartsWith("ai_policy", StringComparison.Ordinal)), null, interpreted: false);
        var report = InterpretedReport.For(policy).Where(l => !l.Contains("_test", StringComparison.Ordinal)).ToList();
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        // The deny rules' own iterations and the comprehensions they use run as compiled loops.
        Assert.DoesNotContain(report, l => l.Contains("data.ai_policy.deny", StringComparison.Ordinal) && l.Contains("some ... in", StringComparison.Ordinal));
    }
}
