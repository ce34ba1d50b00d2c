using Steward.Policy.Syntax;

namespace Steward.Policy.Tests.Syntax;

public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("p := 1", 1, 1, "package expected")]
    [InlineData("package test\n\np { true }", 3, 3, "`if` keyword is required before rule body")]
    [InlineData("package test\np[x] { x := 1 }", 2, 6, "`if` keyword is required before rule body")]
    [InlineData("package test\np if { true } { true }", 2, 15, "unexpected { token")]
    [InlineData("package test\n\np if {\n\tx := \"abc\n}", 4, 7, "non-terminated string")]
    [InlineData("package test\np if {\n\tx := 1 y := 2\n}", 3, 9, "unexpected ident token: expected \\n or ; or }")]
    [InlineData("package test\np if {}", 2, 6, "found empty body")]
    [InlineData("package test\np := [1, 2", 2, 11, "unexpected EOF token: expected , or ]")]
    [InlineData("package test\np if {\n\tx := 1 +\n}", 4, 1, "unexpected } token")]
    [InlineData("package test\nf(x := 1", 2, 5, "unexpected := token: expected , or )")]
    [InlineData("package test\np if { x := \"\\q\" }", 2, 14, "illegal string escape: \\q")]
    [InlineData("package test\np if { x := 01 }", 2, 13, "illegal number format: leading zero")]
    [InlineData("package test\np if { x := 1 @ 2 }", 2, 15, "illegal token: unexpected character '@'")]
    [InlineData("package test\ndefault p := 1 if { true }", 2, 16, "default rules must not have a body")]
    [InlineData("package test\np contains x if { some 1 }", 2, 24, "expected var in some declaration")]
    [InlineData("package test\nimport foo.bar", 2, 8, "invalid path foo: path must begin with input or data")]
    [InlineData("package test\np if {\n\tevery x in [1] {}\n}", 3, 17, "found empty body")]
    [InlineData("package test\np := `abc", 2, 6, "non-terminated raw string")]
    [InlineData("package test\np contains x if { x := 1 } else := 2", 2, 28, "else keyword cannot be used on multi-value rules")]
    [InlineData("package test\nif := 1", 2, 1, "unexpected if keyword: expected ident")]
    [InlineData("package test\np := $\"{}\"", 2, 9, "unexpected } token")]
    [InlineData("package test\np := $ \"a\"", 2, 6, "illegal $ character")]
    [InlineData("package test\np := $\"a {not input.x}\"", 2, 11, "unexpected negation ('not') in template-string expression")]
    [InlineData("package test\np := $\"{input.a input.b}\"", 2, 17, "expected } to end template string expression")]
    [InlineData("package test\np := $\"abc", 2, 6, "non-terminated string")]
    [InlineData("package test\np := $`a\n{1}\nb` + @", 4, 6, "illegal token: unexpected character '@'")]
    [InlineData("package test\np := $\"{ {1: 2}[1] \\q}\"", 2, 20, "illegal token: unexpected character '\\'")]
    public void ParseModule_ReportsLineColumnAndMessage(string text, int line, int column, string detail)
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseModule(text));

        Assert.Equal((line, column, detail), (error.Line, error.Column, error.Detail));
        Assert.Equal($"{line}:{column}: rego_parse_error: {detail}", error.Message);
    }

    [Fact]
    public void ParseModule_PrefixesTheFileNameLikeOpa()
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseModule("package test\n\np { true }", "policy.rego"));

        Assert.Equal("policy.rego", error.FileName);
        Assert.Equal("policy.rego:3:3: rego_parse_error: `if` keyword is required before rule body", error.Message);
    }

    [Theory]
    [InlineData("x := ", 1, 6, "unexpected EOF token")]
    [InlineData("", 1, 1, "empty query")]
    [InlineData("data.test.p = x )", 1, 17, "unexpected ) token: expected \\n or ; or EOF")]
    [InlineData("not some x", 1, 5, "unexpected some keyword: expected expression")]
    public void ParseQuery_ReportsLineColumnAndMessage(string text, int line, int column, string detail)
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseQuery(text));

        Assert.Equal((line, column, detail), (error.Line, error.Column, error.Detail));
        Assert.Null(error.FileName);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{", "}")]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    public void AdversarialNesting_IsAParseError_NotAStackOverflow(string open, string close)
    {
        var text = "package test\np := " + string.Concat(Enumerable.Repeat(open, 50_000)) + "1" + string.Concat(Enumerable.Repeat(close, 50_000));
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseModule(text));
        Assert.Contains("nested more than 200 deep", error.Message, StringComparison.Ordinal);
        RegoParser.ParseModule("package test\np := " + string.Concat(Enumerable.Repeat(open, 150)) + "1" + string.Concat(Enumerable.Repeat(close, 150)));
    }
}
