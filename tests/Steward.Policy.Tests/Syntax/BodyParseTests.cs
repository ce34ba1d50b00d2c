using Steward.Policy.Syntax;

namespace Steward.Policy.Tests.Syntax;

public sealed class BodyParseTests
{
    private static Literal One(string query) => Assert.Single(RegoParser.ParseQuery(query));

    private static Term TermOf(string query) => Assert.IsType<TermExpr>(One(query).Expression).Term;

    [Fact]
    public void InfixOperators_FollowOpaPrecedence()
    {
        var eq = Assert.IsType<BinaryTerm>(TermOf("1 + 2 * 3 == 7"));
        Assert.Equal(BinaryOperator.Equal, eq.Operator);
        var plus = Assert.IsType<BinaryTerm>(eq.Left);
        Assert.Equal(BinaryOperator.Plus, plus.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryTerm>(plus.Right).Operator);

        var or = Assert.IsType<BinaryTerm>(TermOf("a | b & c"));
        Assert.Equal(BinaryOperator.Or, or.Operator);
        Assert.Equal(BinaryOperator.And, Assert.IsType<BinaryTerm>(or.Right).Operator);

        var minus = Assert.IsType<BinaryTerm>(TermOf("10 - 2 - 3 % 2"));
        Assert.Equal(BinaryOperator.Minus, minus.Operator);
        Assert.Equal(BinaryOperator.Minus, Assert.IsType<BinaryTerm>(minus.Left).Operator);
        Assert.Equal(BinaryOperator.Remainder, Assert.IsType<BinaryTerm>(minus.Right).Operator);
    }

    [Fact]
    public void UnaryMinus_FoldsIntoNumbers_OrWrapsOtherTerms()
    {
        Assert.Equal("-1.5e3", Assert.IsType<NumberTerm>(TermOf("-1.5e3")).Text);
        Assert.IsType<UnaryMinusTerm>(TermOf("-x"));
        var sub = Assert.IsType<BinaryTerm>(TermOf("2 - -1"));
        Assert.Equal("-1", Assert.IsType<NumberTerm>(sub.Right).Text);
    }

    [Fact]
    public void References_CoverDataInputCallsAndComposites()
    {
        var data = Assert.IsType<RefTerm>(TermOf("data.a.b[x]"));
        Assert.Equal("data", Assert.IsType<VarTerm>(data.Head).Name);
        Assert.Equal("x", Assert.IsType<VarTerm>(data.Path[2]).Name);

        var call = Assert.IsType<RefTerm>(TermOf("f(x).z"));
        Assert.Equal("z", Assert.IsType<StringTerm>(Assert.Single(call.Path)).Value);
        Assert.IsType<CallTerm>(call.Head);

        var dotted = Assert.IsType<CallTerm>(TermOf("data.lib.g(1, \"a\")"));
        Assert.IsType<RefTerm>(dotted.Function);
        Assert.Equal(2, dotted.Arguments.Count);

        Assert.IsType<ArrayTerm>(Assert.IsType<RefTerm>(TermOf("[1, 2][0]")).Head);

        var builtin = Assert.IsType<CallTerm>(TermOf("contains(\"abc\", \"b\")"));
        Assert.Equal("contains", Assert.IsType<VarTerm>(builtin.Function).Name);
    }

    [Fact]
    public void Collections_AndComprehensions_AreDistinguished()
    {
        Assert.Equal(3, Assert.IsType<ArrayTerm>(TermOf("[1, \"a\", null,]")).Items.Count);
        Assert.Equal(2, Assert.IsType<ObjectTerm>(TermOf("{\"a\": 1, \"b\": [true]}")).Entries.Count);
        Assert.Equal(2, Assert.IsType<SetTerm>(TermOf("{1, 2}")).Items.Count);
        Assert.Empty(Assert.IsType<SetTerm>(TermOf("set()")).Items);
        Assert.Empty(Assert.IsType<ObjectTerm>(TermOf("{}")).Entries);

        var array = Assert.IsType<ArrayComprehension>(TermOf("[x | some x in input; x > 1]"));
        Assert.Equal(2, array.Body.Count);
        Assert.IsType<SetComprehension>(TermOf("{x | x := input[_]}"));
        var obj = Assert.IsType<ObjectComprehension>(TermOf("{k: v | some k, v in input}"));
        Assert.Equal("k", Assert.IsType<VarTerm>(obj.Key).Name);

        var union = Assert.IsType<BinaryTerm>(Assert.Single(Assert.IsType<ArrayTerm>(TermOf("[(a | b)]")).Items));
        Assert.Equal(BinaryOperator.Or, union.Operator);
    }

    [Fact]
    public void Some_Every_In_AndNot_AreParsed()
    {
        Assert.Equal(["x", "y"], Assert.IsType<SomeDeclExpr>(One("some x, y").Expression).Variables.Select(v => v.Name));
        var someIn = Assert.IsType<SomeInExpr>(One("some x in xs").Expression);
        Assert.Null(someIn.Key);
        Assert.Equal("x", Assert.IsType<VarTerm>(Assert.IsType<SomeInExpr>(One("some x, y in xs").Expression).Key).Name);

        var member = Assert.IsType<MembershipTerm>(TermOf("x in xs"));
        Assert.Null(member.Key);
        Assert.Equal("k", Assert.IsType<VarTerm>(Assert.IsType<MembershipTerm>(TermOf("k, v in xs")).Key).Name);
        Assert.NotNull(Assert.IsType<MembershipTerm>(TermOf("(0, 2 in [2]) in [true]")).Value as MembershipTerm);

        var every = Assert.IsType<EveryExpr>(One("every k, v in {\"a\": 1} {\n  k == \"a\"\n  v > 0\n}").Expression);
        Assert.Equal(2, every.Body.Count);

        var not = One("not input.deny");
        Assert.True(not.Negated);
        Assert.IsType<RefTerm>(Assert.IsType<TermExpr>(not.Expression).Term);
    }

    [Fact]
    public void Assignment_Unification_AndWith_AreParsed()
    {
        Assert.IsType<AssignExpr>(One("x := 1").Expression);
        var unify = Assert.IsType<UnifyExpr>(One("[a, b] = [1, 2]").Expression);
        Assert.IsType<ArrayTerm>(unify.Left);

        var literal = One("data.t.p with input as {\"x\": 1} with data.q as 2 with count as mock");
        Assert.Equal(3, literal.With.Count);
        Assert.Equal("input", Assert.IsType<VarTerm>(literal.With[0].Target).Name);
        Assert.IsType<ObjectTerm>(literal.With[0].Value);
        Assert.Equal(new SourceLocation(1, 33), literal.With[1].Location);
    }

    [Fact]
    public void Newlines_SeparateLiterals_ButNotInsideBrackets()
    {
        var body = RegoParser.ParseQuery("x := [1,\n  2]\ny := x[0]\n-1 < y");

        Assert.Equal(3, body.Count);
        Assert.Equal(2, Assert.IsType<ArrayTerm>(Assert.IsType<AssignExpr>(body[0].Expression).Right).Items.Count);
        Assert.Equal(new SourceLocation(4, 1), body[2].Location);
        Assert.Equal("-1", Assert.IsType<NumberTerm>(Assert.IsType<BinaryTerm>(Assert.IsType<TermExpr>(body[2].Expression).Term).Left).Text);
    }

    [Fact]
    public void Strings_DecodeEscapes_AndRawStringsSpanLines()
    {
        Assert.Equal("a\"b\\c/\n\t\u00e9\U0001F367", Assert.IsType<StringTerm>(TermOf("\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\ud83c\\udf67\"")).Value);
        var body = RegoParser.ParseQuery("x := `a\\n\nb`\ny := 1 # comment");
        Assert.Equal("a\\n\nb", Assert.IsType<StringTerm>(Assert.IsType<AssignExpr>(body[0].Expression).Right).Value);
        Assert.Equal(new SourceLocation(3, 1), body[1].Location);
    }
}
