using Steward.Policy.Builtins;
using Steward.Policy.Conformance;
using Steward.Policy.Tests.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// The compiled forms of rule bodies against the interpreter they replace: every OPA conformance case, and the
/// shipped policy library over random inputs, must give the same outcome both ways (results in order, undefined
/// versus false, conflicts and errors with their messages).
/// </summary>
public sealed class CompiledVersusInterpreterTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ConformanceCases_SameOutcomeCompiledAndInterpreted()
    {
        ConformanceData.RequireOrSkip("opa");
        Assert.True(CompareBothWays(ConformanceData.PathOf("opa")) >= 300);
    }

    [Fact]
    public void StewardCases_SameOutcomeCompiledAndInterpreted()
    {
        // Steward's own cases reach what OPA's visible ones do not: template strings, annotations, and/or, numbers.
        Assert.True(CompareBothWays(Path.Combine(AppContext.BaseDirectory, "Conformance", "Cases")) >= 250);
    }

    /// <summary>Runs every case under <paramref name="root"/> compiled and interpreted; fails on any difference; returns how many were compared.</summary>
    private int CompareBothWays(string root)
    {
        var compared = 0;
        var differences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var testCase in OpaCaseReader.Load(file, Path.GetRelativePath(root, file)))
            {
                // Random numbers and UUIDs differ between any two evaluations; nothing to compare there.
                if (testCase.Modules.Any(m => m.Contains("rand.", StringComparison.Ordinal) || m.Contains("uuid.rfc4122", StringComparison.Ordinal)))
                {
                    continue;
                }

                var compiled = Run(testCase, interpreted: false);
                var interpreted = Run(testCase, interpreted: true);
                compared++;
                if (compiled != interpreted)
                {
                    differences.Add($"{testCase.File} {testCase.Note}:\n compiled:    {compiled}\n interpreted: {interpreted}");
                }
            }
        }

        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        Assert.Empty(differences);
        return compared;
    }

    [Fact]
    public void PolicyLibrary_RandomInputs_SameOutcomeCompiledAndInterpreted()
    {
        var library = PolicyLibrary.Load();
        var compiled = CompiledPolicy.Compile(library.Modules, null, interpreted: false);
        var interpreted = CompiledPolicy.Compile(library.Modules, null, interpreted: true);
        var inputs = new RandomInputs(library.Vocabulary, seed: 20261202);
        string[][] paths = [[], ["ai_policy", "allow"], ["ai_policy", "deny"], ["steward", "gates", "unmet"]];
        var differences = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 600; i++)
        {
            var input = i % 3 == 0 ? inputs.AiResponse() : inputs.Next();
            foreach (var path in paths)
            {
                var options = new EvalOptions { Input = input, Data = library.Data, Time = new FixedTime(Now) };
                var a = Outcome.OfValue(() => compiled.EvaluateData(path, options));
                var b = Outcome.OfValue(() => interpreted.EvaluateData(path, options));
                seen.Add(a);
                if (a != b && ++differences <= 5)
                {
                    output.WriteLine($"input {input.ToJson()} data.{string.Join('.', path)}:\n compiled:    {a}\n interpreted: {b}");
                }
            }
        }

        Assert.Equal(0, differences);
        // The inputs reach the rules: both decisions, and several kinds of deny message, occur.
        Assert.Contains("true", seen);
        Assert.Contains("false", seen);
        Assert.True(seen.Count(s => s.StartsWith("[\"", StringComparison.Ordinal)) >= 5, "too few distinct deny sets");
    }

    [Fact]
    public void PolicyLibrary_TestRules_SameOutcomeCompiledAndInterpreted()
    {
        var library = PolicyLibrary.Load();
        var compiled = CompiledPolicy.Compile(library.Modules, null, interpreted: false);
        var interpreted = CompiledPolicy.Compile(library.Modules, null, interpreted: true);
        var tests = compiled.RulesNamed("test_");
        Assert.NotEmpty(tests);
        foreach (var test in tests)
        {
            var options = new EvalOptions { Data = library.Data, Time = new FixedTime(Now) };
            Assert.Equal(
                Outcome.Of(() => interpreted.Prepare(test).Evaluate(options)),
                Outcome.Of(() => compiled.Prepare(test).Evaluate(options)));
        }
    }

    private static string Run(OpaTestCase testCase, bool interpreted)
    {
        CompiledPolicy policy;
        try
        {
            policy = CompiledPolicy.Compile(testCase.Modules.Select((m, i) => new PolicySource($"module{i}.rego", m)), BuiltinRegistry.Default, interpreted);
        }
        catch (RegoCompileException e)
        {
            return "compile error " + e.Message;
        }

        var input = testCase.Input ?? (testCase.InputTerm is { } term
            ? CompiledPolicy.Compile([], null, interpreted).Prepare("x = " + term).Evaluate(new EvalOptions())[0].Bindings["x"]
            : null);
        PreparedQuery query;
        try
        {
            query = policy.Prepare(testCase.Query);
        }
        catch (RegoCompileException e)
        {
            return "query compile error " + e.Message;
        }

        return Outcome.Of(() => query.Evaluate(new EvalOptions
        {
            Input = input,
            Data = testCase.Data ?? ObjectValue.Empty,
            StrictBuiltinErrors = testCase.StrictError,
            Time = new FixedTime(Now),
        }));
    }
}
