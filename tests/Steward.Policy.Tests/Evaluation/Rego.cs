using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>Small helpers: compile modules, run a query, read results as JSON.</summary>
internal static class Rego
{
    public static IReadOnlyList<QueryResult> Query(string module, string query, string? input = null, string? data = null, bool strict = false)
    {
        var policy = CompiledPolicy.Compile("test.rego", module);
        return policy.Prepare(query).Evaluate(new EvalOptions
        {
            Input = input is null ? null : ValueJson.Parse(input),
            Data = data is null ? null : ValueJson.Parse(data),
            StrictBuiltinErrors = strict,
        });
    }

    /// <summary>The value of <c>data.test.NAME</c> as JSON, or null when undefined.</summary>
    public static string? Value(string module, string name, string? input = null, string? data = null)
    {
        var policy = CompiledPolicy.Compile("test.rego", module);
        var value = policy.EvaluateData(["test", name], new EvalOptions
        {
            Input = input is null ? null : ValueJson.Parse(input),
            Data = data is null ? null : ValueJson.Parse(data),
        });
        return value?.ToJson();
    }

    public static RegoCompileException CompileError(string module) =>
        Assert.Throws<RegoCompileException>(() => CompiledPolicy.Compile("test.rego", module));
}
