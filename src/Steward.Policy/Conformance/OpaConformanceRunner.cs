using System.Diagnostics;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Conformance;

/// <summary>Runs OPA-format YAML conformance cases against the engine and compares results as OPA's runner does.</summary>
public static class OpaConformanceRunner
{
    /// <summary>Runs every <c>*.yaml</c>/<c>*.yml</c> case file below a directory, in path order.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="onResult">Called for each case as it finishes, or null.</param>
    /// <param name="timeout">The time limit per case.</param>
    /// <returns>The results in order.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<CaseResult> RunDirectory(string directory, Action<CaseResult>? onResult = null, TimeSpan? timeout = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"no such directory: {directory}");
        }

        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
        var results = new List<CaseResult>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file);
            IReadOnlyList<OpaTestCase> cases;
            try
            {
                cases = OpaCaseReader.Load(file, relative);
            }
            catch (FormatException e)
            {
                var result = new CaseResult(relative, "(file)", false, e.Message);
                results.Add(result);
                onResult?.Invoke(result);
                continue;
            }

            foreach (var testCase in cases)
            {
                var result = Run(testCase, timeout ?? TimeSpan.FromSeconds(10));
                results.Add(result);
                onResult?.Invoke(result);
            }
        }

        return results;
    }

    /// <summary>Runs one case.</summary>
    /// <param name="testCase">The case.</param>
    /// <param name="timeout">The time limit.</param>
    /// <returns>The result.</returns>
    public static CaseResult Run(OpaTestCase testCase, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        try
        {
            var policy = CompiledPolicy.Compile(testCase.Modules.Select((m, i) => new PolicySource($"module{i}.rego", m)), BuiltinRegistry.Default);
            var input = testCase.Input ?? (testCase.InputTerm is { } term ? EvaluateTerm(term) : null);
            var query = policy.Prepare(testCase.Query);
            var results = query.Evaluate(new EvalOptions
            {
                Input = input,
                Data = testCase.Data ?? ObjectValue.Empty,
                StrictBuiltinErrors = testCase.StrictError,
                Timeout = timeout,
            });
            return Compare(testCase, results);
        }
        catch (RegoCompileException e)
        {
            return Error(testCase, e.Errors[0].Code, e.Message);
        }
        catch (RegoEvalException e)
        {
            return Error(testCase, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Debug.WriteLine(e);
            return Fail(testCase, $"internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    private static Value EvaluateTerm(string term)
    {
        var policy = CompiledPolicy.Compile([]);
        var results = policy.Prepare("input_term_value = " + term).Evaluate(new EvalOptions());
        return results.Count == 1 ? results[0].Bindings["input_term_value"] : throw new FormatException("input_term is not a value");
    }

    private static CaseResult Error(OpaTestCase testCase, string code, string message)
    {
        if (testCase.WantErrorCode is null && testCase.WantError is null)
        {
            return Fail(testCase, $"unexpected error: {message}");
        }

        if (testCase.WantErrorCode is not null && testCase.WantErrorCode != code)
        {
            return Fail(testCase, $"want error code {testCase.WantErrorCode}, got {code}: {message}");
        }

        if (testCase.WantError is not null && !message.Contains(testCase.WantError, StringComparison.Ordinal))
        {
            return Fail(testCase, $"want error containing \"{testCase.WantError}\", got: {message}");
        }

        return Pass(testCase);
    }

    private static CaseResult Compare(OpaTestCase testCase, IReadOnlyList<QueryResult> results)
    {
        if (testCase.WantErrorCode is not null || testCase.WantError is not null)
        {
            return Fail(testCase, $"want error {testCase.WantErrorCode} {testCase.WantError}, got {results.Count} result(s)");
        }

        if (testCase.WantDefined is { } defined && defined != results.Count > 0)
        {
            return Fail(testCase, $"want defined={defined}, got {results.Count} result(s)");
        }

        if (testCase.WantResult is null)
        {
            return Pass(testCase);
        }

        var actual = results.Select(r => Normalize(ObjectValue.From(r.Bindings), testCase.SortBindings)).ToList();
        var expected = testCase.WantResult.Select(w => Normalize(w, testCase.SortBindings)).ToList();
        if (testCase.SortBindings)
        {
            actual.Sort(ValueComparer.Instance);
            expected.Sort(ValueComparer.Instance);
        }

        if (actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.Equals(p.Second)))
        {
            return Pass(testCase);
        }

        return Fail(testCase, $"want {Show(expected)}, got {Show(actual)}");
    }

    /// <summary>The JSON form of a value (sets become arrays); with sorting, every array in a binding is sorted.</summary>
    private static Value Normalize(Value value, bool sort)
    {
        var json = ValueJson.Parse(ValueJson.Serialize(value));
        return sort ? SortBindings(json) : json;
    }

    private static Value SortBindings(Value bindings)
    {
        if (bindings is not ObjectValue o)
        {
            return bindings;
        }

        var builder = new ObjectBuilder();
        for (var i = 0; i < o.Count; i++)
        {
            var v = o.Values[i];
            if (v is ArrayValue a)
            {
                var items = a.Items.ToArray();
                Array.Sort(items, ValueComparer.Instance);
                v = new ArrayValue(items);
            }

            builder.Set(o.Keys[i], v);
        }

        return builder.Build();
    }

    private static string Show(List<Value> values)
    {
        var text = "[" + string.Join(", ", values.Select(v => v.ToJson())) + "]";
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static CaseResult Pass(OpaTestCase c) => new(c.File, c.Note, true, null);

    private static CaseResult Fail(OpaTestCase c, string reason) => new(c.File, c.Note, false, reason);
}
