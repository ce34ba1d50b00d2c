using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Numbers;

/// <summary>Numbers hold their value exactly and, like OPA's ast.Number, the text of a literal written as a float.</summary>
public sealed class NumberValueTests
{
    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("1e3", "1e3")]
    [InlineData("0.50", "0.50")]
    [InlineData("-2.0E2", "-2.0E2")]
    [InlineData("0.5", "0.5")]
    [InlineData("12.5", "12.5")]
    [InlineData("1e-05", "1e-05")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("1.5e-07", "1.5e-07")]
    [InlineData("0.0", "0.0")]
    [InlineData("7", "7")]
    public void TryParseLiteral_PrintsTheLiteralAsWritten(string literal, string printed)
    {
        Assert.True(NumberValue.TryParseLiteral(literal, out var n));
        Assert.Equal(printed, n.ToJsonText());
        Assert.Equal(printed, ValueJson.Serialize(n));
    }

    [Theory]
    [InlineData("1.0", true, true)]
    [InlineData("1e3", true, true)]
    [InlineData("0.50", true, true)]
    [InlineData("0.5", false, true)]
    [InlineData("0.0001", false, true)]
    [InlineData("-123456.789012345", false, true)]
    [InlineData("0.00001", true, true)]
    [InlineData("0.1234567890123456", false, true)]
    [InlineData("0.10000000000000001", true, false)] // beyond a double's precision: OPA compares the text, 0.1 is another number
    [InlineData("1e-400", true, false)] // below a double's range: held as 0, compared by its text
    [InlineData("7", false, true)]
    [InlineData("-3", false, true)]
    public void TryParseLiteral_KeepsTextOnlyWhereItDiffersFromTheValue(string literal, bool kept, bool exact)
    {
        Assert.True(NumberValue.TryParseLiteral(literal, out var n));
        Assert.Equal(kept, n.IsFloatLiteral);
        Assert.False(n.Canonical.IsFloatLiteral);
        Assert.Equal(exact, n.Equals(n.Canonical));
        Assert.Equal(n.GetHashCode(), n.Canonical.GetHashCode()); // equal values hash alike; an inexact text may share its value's hash
    }

    [Fact]
    public void FloatLiteral_EqualsHashesAndOrdersAsItsValue()
    {
        Assert.True(NumberValue.TryParseLiteral("1.0", out var oneFloat));
        var one = NumberValue.Of(1);
        Assert.True(oneFloat.IsInteger);
        Assert.Equal(one, oneFloat);
        Assert.Equal(one.GetHashCode(), oneFloat.GetHashCode());
        Assert.Equal(0, one.CompareTo(oneFloat));
        Assert.Equal(1, SetValue.From([one, oneFloat]).Count);
        Assert.Equal("1", oneFloat.Canonical.ToJsonText());
    }

    [Fact]
    public void IntegerAgainstDouble_ComparesExactlyBeyondTwoToThe53()
    {
        // 2^53 + 3 rounds to the double 2^53 + 4: they differ, as OPA's exact comparison says.
        var integer = NumberValue.Of(9007199254740995L);
        var dbl = NumberValue.Of(9007199254740996d);
        Assert.False(dbl.IsInteger);
        Assert.NotEqual(integer, dbl);
        Assert.True(integer.CompareTo(dbl) < 0);
        Assert.True(dbl.CompareTo(integer) > 0);
        Assert.Equal(NumberValue.Of(9007199254740996L), dbl);
    }

    [Fact]
    public void IntegralDoubleBeyondTwoToThe53_HashesAsTheEqualInteger()
    {
        var d = NumberValue.Of(18014398509481984d * 2);
        var i = NumberValue.Of(36028797018963968L);
        Assert.False(d.IsInteger);
        Assert.Equal(i, d);
        Assert.Equal(i.GetHashCode(), d.GetHashCode());
        Assert.Equal(1, SetValue.From([i, d]).Count);
    }

    [Fact]
    public void LiteralBeyondDoubleRange_IsHeldExactly()
    {
        Assert.True(NumberValue.TryParseLiteral("1e400", out var huge));
        Assert.True(huge.TryGetBigInteger(out var value));
        Assert.Equal(BigInteger.Pow(10, 400), value);
        Assert.Equal("1e400", huge.ToJsonText());
        Assert.True(huge.CompareTo(NumberValue.Of(double.MaxValue)) > 0);

        Assert.True(NumberValue.TryParseLiteral("-2.5e500", out var negative));
        Assert.True(negative.TryGetBigInteger(out var n));
        Assert.Equal(-25 * BigInteger.Pow(10, 499), n);

        Assert.False(NumberValue.TryParse("1e400", out _));
        Assert.False(NumberValue.TryParseLiteral("1e10001", out _));
    }

    [Fact]
    public void JsonInput_KeepsTheTextOfItsNumbers()
    {
        var value = ValueJson.Parse("""{"a": [1.0, 2e2, 0.10, 3, 0.25, 1e400]}""");
        Assert.Equal("""{"a":[1.0,2e2,0.10,3,0.25,1e400]}""", ValueJson.Serialize(value));
        Assert.Equal(ValueJson.Parse("""{"a": [1, 200, 0.1, 3, 0.25, 1e400]}"""), value);
    }
}
