using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class StringTests
{
    [Fact]
    public void Concat_JoinsArraysAndSortedSets()
    {
        Assert.Equal("\"a,b\"", Call.Json("concat", "\",\"", "[\"a\", \"b\"]"));
        Assert.Equal("\"x-y\"", Call.Value("concat", Call.S("-"), SetValue.From([Call.S("y"), Call.S("x")]))!.ToJson());
        Assert.Equal("operand 2 must be array of strings but got array containing number", Call.TypeError("concat", "\",\"", "[\"a\", 1]"));
        Assert.Equal("operand 2 must be one of {set, array} but got string", Call.TypeError("concat", "\",\"", "\"a\""));
    }

    [Fact]
    public void IndexOf_CountsRunesAndRejectsEmptySearch()
    {
        Assert.Equal("2", Call.Json("indexof", Call.Str("€€x"), "\"x\""));
        Assert.Equal("-1", Call.Json("indexof", "\"abc\"", "\"z\""));
        Assert.Equal("[0,2]", Call.Json("indexof_n", "\"abab\"", "\"ab\""));
        Assert.Equal("empty search character", Call.Error("indexof", "\"abc\"", "\"\""));
    }

    [Fact]
    public void Substring_UsesRunesAndClamps()
    {
        Assert.Equal("\"€b\"", Call.Json("substring", Call.Str("a€bc"), "1", "2"));
        Assert.Equal("\"bc\"", Call.Json("substring", "\"abc\"", "1", "-1"));
        Assert.Equal("\"\"", Call.Json("substring", "\"abc\"", "5", "1"));
        Assert.Equal("\"abc\"", Call.Json("substring", "\"abc\"", "0", "100"));
        Assert.Equal("\"bc\"", Call.Json("substring", "\"abc\"", "1", "9223372036854775807"));
        Assert.Equal("negative offset", Call.Error("substring", "\"abc\"", "-1", "1"));
        Assert.Equal("operand 2 must be integer number but got floating-point number", Call.TypeError("substring", "\"abc\"", "1.5", "1"));
    }

    [Fact]
    public void Trim_FamilyFollowsGo()
    {
        Assert.Equal("\"abc\"", Call.Json("trim", "\"xxabcxx\"", "\"x\""));
        Assert.Equal("\"abcxx\"", Call.Json("trim_left", "\"xxabcxx\"", "\"x\""));
        Assert.Equal("\"xxabc\"", Call.Json("trim_right", "\"xxabcxx\"", "\"x\""));
        Assert.Equal("\"bc\"", Call.Json("trim_prefix", "\"abc\"", "\"a\""));
        Assert.Equal("\"ab\"", Call.Json("trim_suffix", "\"abc\"", "\"c\""));
        Assert.Equal("\"a b\"", Call.Json("trim_space", "\" \\t a b\\n \""));
    }

    [Fact]
    public void Split_AndReplace_HandleEmptySeparators()
    {
        Assert.Equal("[\"a\",\"b\",\"\"]", Call.Json("split", "\"a,b,\"", "\",\""));
        Assert.Equal("[\"a\",\"€\"]", Call.Json("split", Call.Str("a€"), "\"\""));
        Assert.Equal("\"-a-b-\"", Call.Json("replace", "\"ab\"", "\"\"", "\"-\""));
        Assert.Equal("\"xbc\"", Call.Json("replace", "\"abc\"", "\"a\"", "\"x\""));
    }

    [Fact]
    public void ReplaceN_PrefersTheFirstMatchingKeyInOrder()
    {
        Assert.Equal("\"1 2 c\"", Call.Json("strings.replace_n", "{\"a\": \"1\", \"b\": \"2\"}", "\"a b c\""));
        Assert.Equal("\"Xc\"", Call.Json("strings.replace_n", "{\"ab\": \"X\", \"abc\": \"Y\"}", "\"abc\""));
        Assert.Equal("operand 1 non-string value found in pattern object", Call.TypeError("strings.replace_n", "{\"a\": 1}", "\"a\""));
    }

    [Fact]
    public void FormatInt_TruncatesAndChecksTheBase()
    {
        Assert.Equal("\"ff\"", Call.Json("format_int", "255", "16"));
        Assert.Equal("\"-101\"", Call.Json("format_int", "-5.9", "2"));
        Assert.Equal("operand 2 must be one of {2, 8, 10, 16}", Call.TypeError("format_int", "1", "3"));
    }

    [Fact]
    public void MiscellaneousStringFunctions()
    {
        Assert.Equal("\"cba€\"", Call.Json("strings.reverse", Call.Str("€abc")));
        Assert.Equal("3", Call.Json("strings.count", "\"cheese\"", "\"e\""));
        Assert.Equal("true", Call.Json("strings.any_prefix_match", "[\"abc\", \"x\"]", "\"ab\""));
        Assert.Equal("false", Call.Json("strings.any_suffix_match", "\"abc\"", "[\"b\"]"));
        Assert.Equal("\"ABC\"", Call.Json("upper", "\"abc\""));
        Assert.Equal("true", Call.Json("contains", "\"abc\"", "\"\""));
    }
}
