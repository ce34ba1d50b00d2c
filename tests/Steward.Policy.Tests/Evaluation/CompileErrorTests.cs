namespace Steward.Policy.Tests.Evaluation;

public sealed class CompileErrorTests
{
    [Fact]
    public void SyntaxError_CarriesFileLineAndColumn()
    {
        var error = Rego.CompileError("package test\n\np if {\n  x := \n}\n");
        var first = Assert.Single(error.Errors);
        Assert.Equal("rego_parse_error", first.Code);
        Assert.Equal("test.rego", first.File);
        Assert.Equal(5, first.Line);
        Assert.StartsWith("test.rego:5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsafeVariable_IsReportedWithItsPosition()
    {
        var error = Rego.CompileError("package test\n\np if {\n    x > 1\n}\n");
        var first = Assert.Single(error.Errors);
        Assert.Equal("rego_unsafe_var_error", first.Code);
        Assert.Equal("var x is unsafe", first.Message);
        Assert.Equal((4, 5), (first.Line, first.Column));
    }

    [Fact]
    public void UnsafeHeadVariable_IsReported()
    {
        var error = Rego.CompileError("package test\np contains x if true\n");
        Assert.Equal("rego_unsafe_var_error", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public void BodyLiterals_AreReorderedForSafety()
    {
        const string module = """
            package test
            p := y if {
                y > 1
                y := x + 1
                x := input.n
            }
            """;
        Assert.Equal("6", Rego.Value(module, "p", """{"n": 5}"""));
    }

    [Fact]
    public void Recursion_IsRejected()
    {
        var error = Rego.CompileError("package test\np if q\nq if p\n");
        var first = Assert.Single(error.Errors);
        Assert.Equal("rego_recursion_error", first.Code);
        Assert.Contains("data.test.p", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedFunction_AndArityMismatch_AreTypeErrors()
    {
        var undefined = Rego.CompileError("package test\np if no_such_function(1)\n");
        Assert.Equal("rego_type_error", undefined.Errors[0].Code);
        Assert.Contains("undefined function no_such_function", undefined.Message, StringComparison.Ordinal);
        var arity = Rego.CompileError("package test\nf(x) := x\np if f(1, 2, 3)\n");
        Assert.Contains("arity mismatch", arity.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConflictingRuleKinds_AndDoubleAssignment_AreCompileErrors()
    {
        var kinds = Rego.CompileError("package test\np := 1\np contains 2\n");
        Assert.Contains("conflicting rules data.test.p found", kinds.Message, StringComparison.Ordinal);
        var assign = Rego.CompileError("package test\np if { x := 1; x := 2 }\n");
        Assert.Contains("var x assigned above", assign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorOfEveryModule_IsReportedAtOnce()
    {
        var error = Assert.Throws<RegoCompileException>(() => CompiledPolicy.Compile(
        [
            new PolicySource("a.rego", "package a\np if x > 1\n"),
            new PolicySource("b.rego", "package b\nq if y > 1\n"),
        ]));
        Assert.Equal(["a.rego", "b.rego"], error.Errors.Select(e => e.File));
    }

    [Fact]
    public void QuerySyntaxError_IsACompileError()
    {
        var policy = CompiledPolicy.Compile("test.rego", "package test\np := 1\n");
        var error = Assert.Throws<RegoCompileException>(() => policy.Prepare("data.test.p ==="));
        Assert.Equal("rego_parse_error", error.Errors[0].Code);
    }
}
