using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class AggregateAndNumberTests
{
    [Fact]
    public void Count_CountsCodePointsOfStrings()
    {
        Assert.Equal("3", Call.Json("count", Call.Str("a€😀")));
        Assert.Equal("5", Call.Json("count", Call.Str("plain")));
        Assert.Equal("2", Call.Value("count", new StringValue("a\ud800"))!.ToJson());
        Assert.Equal("2", Call.Value("count", SetValue.From([NumberValue.One, NumberValue.Zero]))!.ToJson());
        Assert.Equal("operand 1 must be one of {array, object, set, string} but got number", Call.TypeError("count", "1"));
    }

    [Fact]
    public void Sum_StaysExactForIntegersAndReportsNonNumbers()
    {
        Assert.Equal("18446744073709551616", Call.Json("sum", "[9223372036854775807, 9223372036854775809]"));
        Assert.Equal("9223372036854775808", Call.Json("sum", "[9223372036854775807, 1]"));
        Assert.Equal("-9223372036854775809", Call.Json("sum", "[-9223372036854775808, -1]"));
        Assert.Equal("-5", Call.Json("sum", "[1, -8, 2]"));
        Assert.Equal("3.5", Call.Json("sum", "[1, 2.5]"));
        Assert.Equal("0", Call.Json("sum", "[]"));
        Assert.Equal("operand 1 must be array of numbers but got array containing string", Call.TypeError("sum", "[1, \"a\"]"));
        Assert.Equal("operand 1 must be one of {set, array} but got object", Call.TypeError("sum", "{}"));
        Assert.Equal("24", Call.Json("product", "[2, 3, 4]"));
    }

    [Fact]
    public void DecimalLiterals_AddUpAsOpaPrintsThem()
    {
        Assert.Equal("0.3", Call.Json("plus", "0.1", "0.2"));
        Assert.Equal("0.3", Call.Json("sum", "[0.1, 0.2]"));
        Assert.Equal("0.3", Call.Json("mul", "0.1", "3"));
        Assert.Equal("0.1", Call.Json("minus", "0.3", "0.2"));
        Assert.Equal("1", Call.Json("product", "[0.5, 2]"));
    }

    [Fact]
    public void MaxMin_AreUndefinedOnEmptyAndUseTheTotalOrder()
    {
        Assert.Null(Call.Json("max", "[]"));
        Assert.Null(Call.Json("min", "[]"));
        Assert.Equal("\"a\"", Call.Json("max", "[1, \"a\", null]"));
        Assert.Equal("null", Call.Json("min", "[1, \"a\", null]"));
        Assert.Equal("[null,false,1,\"a\",[1]]", Call.Json("sort", "[[1], \"a\", 1, false, null]"));
    }

    [Fact]
    public void Round_GoesHalfAwayFromZero()
    {
        Assert.Equal("3", Call.Json("round", "2.5"));
        Assert.Equal("-3", Call.Json("round", "-2.5"));
        Assert.Equal("-2", Call.Json("ceil", "-2.5"));
        Assert.Equal("-3", Call.Json("floor", "-2.5"));
        Assert.Equal("2.5", Call.Json("abs", "-2.5"));
        Assert.Equal("operand 1 must be number but got string", Call.TypeError("abs", "\"x\""));
    }

    [Fact]
    public void NumbersRange_CountsDownAndChecksItsStep()
    {
        Assert.Equal("[3,2,1]", Call.Json("numbers.range", "3", "1"));
        Assert.Equal("[0,3,6,9]", Call.Json("numbers.range_step", "0", "10", "3"));
        Assert.Equal("[10,7,4,1]", Call.Json("numbers.range_step", "10", "0", "3"));
        Assert.Equal("numbers.range_step: step must be a positive integer", Call.Error("numbers.range_step", "0", "10", "0"));
        Assert.Equal("operand 1 must be integer number but got floating-point number", Call.TypeError("numbers.range", "1.5", "3"));
        Assert.Equal("operand 2 must be integer but got string", Call.TypeError("numbers.range", "1", "\"3\""));
    }

    [Fact]
    public void RandIntn_IsStableWithinOneQueryAndInRange()
    {
        var context = Call.Context();
        var a = Call.Value(context, "rand.intn", Call.S("k"), NumberValue.Of(10));
        var b = Call.Value(context, "rand.intn", Call.S("k"), NumberValue.Of(10));
        Assert.Equal(a, b);
        Assert.InRange(((NumberValue)a!).AsDouble, 0, 9);
        Assert.Equal("0", Call.Json("rand.intn", "\"x\"", "0"));
        Assert.True(BuiltinRegistry.Default.TryGet("rand.intn", out var builtin) && builtin.Nondeterministic);
    }

    [Fact]
    public void Bits_WorkOnBigIntegers()
    {
        Assert.Equal("4", Call.Json("bits.and", "12", "6"));
        Assert.Equal("14", Call.Json("bits.or", "12", "6"));
        Assert.Equal("10", Call.Json("bits.xor", "12", "6"));
        Assert.Equal("-13", Call.Json("bits.negate", "12"));
        Assert.Equal("18446744073709551616", Call.Json("bits.lsh", "1", "64"));
        Assert.Equal("3", Call.Json("bits.rsh", "12", "2"));
        Assert.Equal("operand 2 must be unsigned integer number but got negative integer", Call.TypeError("bits.lsh", "1", "-1"));
    }

    [Fact]
    public void ToNumber_ParsesLikeGoAndRejectsInfinity()
    {
        Assert.Equal("1", Call.Json("to_number", "true"));
        Assert.Equal("0", Call.Json("to_number", "null"));
        Assert.Equal("-12.5", Call.Json("to_number", "\"-12.5\""));
        Assert.Equal("operand 1 must be valid number string but got string", Call.TypeError("to_number", "\"-Inf\""));
        Assert.Equal("strconv.ParseFloat: parsing \"abc\": invalid syntax", Call.Error("to_number", "\"abc\""));
        Assert.Equal("operand 1 must be one of {null, boolean, number, string} but got array", Call.TypeError("to_number", "[]"));
    }

    [Fact]
    public void TypeName_AndIsFunctions_ReturnFalseRatherThanUndefined()
    {
        Assert.Equal("\"set\"", Call.Value("type_name", SetValue.Empty)!.ToJson());
        Assert.Equal("false", Call.Json("is_number", "\"1\""));
        Assert.Equal("true", Call.Json("is_null", "null"));
    }
}
