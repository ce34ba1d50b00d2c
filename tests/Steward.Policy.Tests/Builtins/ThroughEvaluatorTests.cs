using Steward.Policy.Tests.Evaluation;

namespace Steward.Policy.Tests.Builtins;

/// <summary>Built-ins as policies see them: relations, error codes and messages with the built-in's name.</summary>
public sealed class ThroughEvaluatorTests
{
    [Fact]
    public void Walk_EnumeratesPathsAndValues()
    {
        const string module = "package test\n\npaths contains p if { walk({\"a\": [1, 2]}, [p, v]); is_number(v) }\n";
        Assert.Equal("[[\"a\",0],[\"a\",1]]", Rego.Value(module, "paths"));
    }

    [Fact]
    public void TypeErrors_CarryTheBuiltinNameAndCode()
    {
        const string module = "package test\n\np := sprintf(\"%d\", input.n)\n";
        var error = Assert.Throws<RegoEvalException>(() => Rego.Query(module, "data.test.p = x", input: "{\"n\": 1}", strict: true));
        Assert.Equal("eval_type_error", error.Code);
        Assert.Contains("sprintf: operand 2 must be array but got number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltinErrors_AreUndefinedUnlessStrict()
    {
        const string module = "package test\n\np := x if { x := base64.decode(\"!!\") }\n";
        Assert.Empty(Rego.Query(module, "data.test.p = x"));
        var error = Assert.Throws<RegoEvalException>(() => Rego.Query(module, "data.test.p = x", strict: true));
        Assert.Equal("eval_builtin_error", error.Code);
        Assert.Contains("base64.decode: illegal base64 data at input byte 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecimalArithmetic_MatchesOpa()
    {
        const string module = "package test\n\np if { 0.1 + 0.2 == 0.3 }\n";
        Assert.Equal("true", Rego.Value(module, "p"));
    }
}
