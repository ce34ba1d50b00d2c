using Steward.Policy.Tests.Evaluation;

namespace Steward.Policy.Tests.TypeCheck;

/// <summary>What the compile-time type check reports, and how: OPA's code, wording and the call's position.</summary>
public sealed class TypeCheckErrorTests
{
    [Fact]
    public void BuiltinArgument_OfAWrongConstantType_IsATypeErrorWithHaveAndWant()
    {
        var error = Rego.CompileError("package test\n\np if {\n    startswith(1, \"a\")\n}\n");
        var first = Assert.Single(error.Errors);
        Assert.Equal("rego_type_error", first.Code);
        Assert.Equal("startswith: invalid argument(s)\n\thave: (number, string)\n\twant: (string, string)", first.Message);
        Assert.Equal((4, 5), (first.Line, first.Column));
        Assert.Equal("test.rego", first.File);
    }

    [Fact]
    public void ArithmeticOnAString_IsReportedUnderTheOperatorsBuiltinName()
    {
        var error = Rego.CompileError("package test\n\nx := \"a\" + 1\n");
        Assert.Equal("plus: invalid argument(s)\n\thave: (string, number)\n\twant: (number, number)", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void ResultTypes_FlowThroughNestedCallsAndAssignedVariables()
    {
        Assert.Contains("upper: invalid argument(s)", Rego.CompileError("package test\np := upper(count(input.x))\n").Message, StringComparison.Ordinal);
        var error = Rego.CompileError("package test\np if {\n  s := sprintf(\"%v\", [input.x])\n  abs(s) > 1\n}\n");
        Assert.Equal("abs: invalid argument(s)\n\thave: (string)\n\twant: (number)", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void ConstantRules_AreTypedWhenEveryDefinitionAgrees()
    {
        const string module = "package test\n\ndefault level := 1\nlevel := 2 if input.high\np := upper(data.test.level)\n";
        Assert.Contains("have: (number)", Rego.CompileError(module).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompositeLiterals_AreCheckedElementWise()
    {
        var error = Rego.CompileError("package test\np := concat(\",\", [\"a\", 1])\n");
        Assert.Equal("concat: invalid argument(s)\n\thave: (string, array<string, number>)\n\twant: (string, any<array[string], set[string]>)",
            Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void UnificationOfDisjointTypes_IsAMatchError()
    {
        var error = Rego.CompileError("package test\np if count(input.x) = \"a\"\n");
        Assert.Equal("match error\n\tleft  : number\n\tright : string", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Queries_AreChecked()
    {
        var policy = CompiledPolicy.Compile("test.rego", "package test\n");
        var error = Assert.Throws<RegoCompileException>(() => policy.Prepare("x := upper(5)"));
        Assert.Equal("rego_type_error", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public void SeveralErrors_AreAllReported()
    {
        var error = Rego.CompileError("package test\np := upper(1)\nq := lower(true)\n");
        Assert.Equal(2, error.Errors.Count);
    }
}
