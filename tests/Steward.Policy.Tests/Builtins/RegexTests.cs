namespace Steward.Policy.Tests.Builtins;

public sealed class RegexTests
{
    [Theory]
    [InlineData("^[a-z]+$", "abc", true)]
    [InlineData("abc$", "abc\n", false)]
    [InlineData("(?m)^b$", "a\nb\nc", true)]
    [InlineData("\\d+", "٣", false)]
    [InlineData("\\w", "é", false)]
    [InlineData("(?i)ABC", "xabcx", true)]
    [InlineData("[[:alpha:]]+[[:digit:]]", "ab1", true)]
    [InlineData("(?P<word>\\w+)", "x", true)]
    [InlineData("\\Qa.b\\E", "axb", false)]
    [InlineData("\\Qa.b\\E", "a.b", true)]
    [InlineData("\\x{41}\\x42", "AB", true)]
    [InlineData("\\pL+", "héllo", true)]
    [InlineData("(?s)a.b", "a\nb", true)]
    [InlineData("a.b", "a\nb", false)]
    [InlineData("^.$", "😀", true)]
    [InlineData("\\bé", "xé", true)]
    [InlineData("\\bcat\\b", "a cat!", true)]
    [InlineData("\\Bat", "cat", true)]
    public void Match_FollowsRe2(string pattern, string text, bool expected) =>
        Assert.Equal(expected ? "true" : "false", Call.Json("regex.match", Call.Str(pattern), Call.Str(text)));

    [Theory]
    [InlineData("(?=a)b", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")]
    [InlineData("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`")]
    [InlineData("(abc", "error parsing regexp: missing closing ): `(abc`")]
    [InlineData("abc)", "error parsing regexp: unexpected ): `abc)`")]
    [InlineData("[abc", "error parsing regexp: missing closing ]: `[abc`")]
    [InlineData("*a", "error parsing regexp: missing argument to repetition operator: `*`")]
    [InlineData("a**", "error parsing regexp: invalid nested repetition operator: `**`")]
    [InlineData("[z-a]", "error parsing regexp: invalid character class range: `z-a`")]
    [InlineData("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`")]
    [InlineData("\\", "error parsing regexp: trailing backslash at end of expression: ``")]
    public void InvalidPatterns_FailWithGoMessages(string pattern, string message)
    {
        Assert.Equal(message, Call.Error("regex.match", Call.Str(pattern), "\"x\""));
        Assert.Equal("false", Call.Json("regex.is_valid", Call.Str(pattern)));
    }

    [Fact]
    public void IsValid_IsFalseForNonStrings() => Assert.Equal("false", Call.Json("regex.is_valid", "1"));

    [Fact]
    public void FindN_SkipsEmptyMatchesRightAfterAMatch()
    {
        Assert.Equal("[\"\",\"aaa\",\"\"]", Call.Json("regex.find_n", "\"a*\"", "\"baaac\"", "-1"));
        Assert.Equal("[\"1\",\"2\"]", Call.Json("regex.find_n", "\"[0-9]\"", "\"a1b2c3\"", "2"));
        Assert.Equal("[]", Call.Json("regex.find_n", "\"[0-9]\"", "\"a1b2c3\"", "0"));
    }

    [Fact]
    public void Submatches_NumberGroupsInOrderOfTheirParentheses()
    {
        Assert.Equal(
            "[[\"a1\",\"a\",\"1\"],[\"b2\",\"b\",\"2\"]]",
            Call.Json("regex.find_all_string_submatch_n", Call.Str("(?P<l>[a-z])([0-9])"), "\"a1 b2\"", "-1"));
        Assert.Equal("[[\"a\",\"\"]]", Call.Json("regex.find_all_string_submatch_n", "\"a(x)?\"", "\"a\"", "-1"));
    }

    [Fact]
    public void Split_FollowsGoIncludingTrailingEmptyPieces()
    {
        Assert.Equal("[\"a\",\"b\",\"c\"]", Call.Json("regex.split", "\",\"", "\"a,b,c\""));
        Assert.Equal("[\"a\",\"\"]", Call.Json("regex.split", "\",\"", "\"a,\""));
        Assert.Equal("[\"\"]", Call.Json("regex.split", "\",\"", "\"\""));
        Assert.Equal("[\"a\",\"b\"]", Call.Json("regex.split", "\"\"", "\"ab\""));
    }

    [Fact]
    public void Replace_ExpandsGoTemplates()
    {
        Assert.Equal("\"b-a\"", Call.Json("regex.replace", "\"a-b\"", "\"(\\\\w)-(\\\\w)\"", "\"$2-$1\""));
        Assert.Equal("\"<a>\"", Call.Json("regex.replace", "\"a\"", Call.Str("(?P<x>a)"), "\"<${x}>\""));
        Assert.Equal("\"\"", Call.Json("regex.replace", "\"a\"", "\"(a)\"", "\"$1x\""));
        Assert.Equal("\"$\"", Call.Json("regex.replace", "\"a\"", "\"a\"", "\"$$\""));
        Assert.Equal("\"-a-b-\"", Call.Json("regex.replace", "\"ab\"", "\"x*\"", "\"-\""));
    }

    [Fact]
    public void TemplateMatch_QuotesTheLiteralParts()
    {
        Assert.Equal("true", Call.Json("regex.template_match", "\"urn:foo:{.*}\"", "\"urn:foo:bar:baz\"", "\"{\"", "\"}\""));
        Assert.Equal("false", Call.Json("regex.template_match", "\"urn:foo.{[0-9]+}\"", "\"urn:foox1\"", "\"{\"", "\"}\""));
        Assert.Equal("unbalanced braces in \"a{b\"", Call.Error("regex.template_match", "\"a{b\"", "\"x\"", "\"{\"", "\"}\""));
    }

    [Theory]
    [InlineData("a.*", "ab+", true)]
    [InlineData("a+", "b+", false)]
    [InlineData("[a-c]x", "[c-e]x", true)]
    [InlineData("[a-c]x", "[d-e]x", false)]
    [InlineData("a*", "b*", false)]
    [InlineData("a.a.", ".b.b", true)]
    [InlineData("[a-z]+", "[0-9]*", false)]
    [InlineData("a?", "ab", false)]
    [InlineData("a?", "a\\?", true)]
    public void GlobsMatch_DecidesWhetherTwoPatternsOverlap(string a, string b, bool expected) =>
        Assert.Equal(expected ? "true" : "false", Call.Json("regex.globs_match", Call.Str(a), Call.Str(b)));

    [Theory]
    [InlineData("*.github.com", "[\".\"]", "api.github.com", true)]
    [InlineData("*.github.com", "[\".\"]", "api.cdn.github.com", false)]
    [InlineData("*.github.com", "[]", "api.cdn.github.com", false)]
    [InlineData("*.github.com", "null", "api.cdn.github.com", true)]
    [InlineData("**.github.com", "[\".\"]", "api.cdn.github.com", true)]
    [InlineData("a?c", "null", "abc", true)]
    [InlineData("[a-c]x", "null", "bx", true)]
    [InlineData("[!a-c]x", "null", "bx", false)]
    [InlineData("{cat,dog}s", "null", "dogs", true)]
    [InlineData("\\*x", "null", "*x", true)]
    [InlineData("a:*", "[\":\"]", "a:b:c", false)]
    public void GlobMatch_UsesSeparators(string pattern, string delimiters, string text, bool expected) =>
        Assert.Equal(expected ? "true" : "false", Call.Json("glob.match", Call.Str(pattern), delimiters, Call.Str(text)));

    [Fact]
    public void GlobErrorsAndQuoting()
    {
        Assert.Equal("operand 2 must be one of {array, null} but got string", Call.TypeError("glob.match", "\"a\"", "\"x\"", "\"a\""));
        Assert.Equal("operand 2 must be array of runes but got array containing string", Call.TypeError("glob.match", "\"a\"", "[\"ab\"]", "\"a\""));
        Assert.Equal("\"\\\\*.github.com\"", Call.Json("glob.quote_meta", "\"*.github.com\""));
    }
}
