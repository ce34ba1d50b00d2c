namespace Steward.Policy.Tests.Builtins;

public sealed class SprintfTests
{
    private static string? Sprintf(string format, string argsJson) => Call.Json("sprintf", Call.Str(format), argsJson);

    [Theory]
    [InlineData("%d", "[42]", "42")]
    [InlineData("%5d|%-5d|%05d", "[1, 2, 3]", "    1|2    |00003")]
    [InlineData("%+d % d", "[5, 5]", "+5  5")]
    [InlineData("%x %X %o %b %#x", "[255, 255, 8, 5, 255]", "ff FF 10 101 0xff")]
    [InlineData("%c%q", "[65, 66]", "A'B'")]
    [InlineData("%s", "[\"hi\"]", "hi")]
    [InlineData("%q", "[\"a\\\"b\\n\"]", "\"a\\\"b\\n\"")]
    [InlineData("%.2s|%6s|%-4s|", "[\"hello\", \"ab\", \"x\"]", "he|    ab|x   |")]
    [InlineData("%x", "[\"hi\"]", "6869")]
    [InlineData("%f %.2f %.0f", "[3.14159, 2.675, 0.5]", "3.141590 2.67 0")]
    [InlineData("%e %E", "[123456.789, 0.000123]", "1.234568e+05 1.230000E-04")]
    [InlineData("%g %g %g %g", "[0.0001, 0.00001, 123456.5, 1234567.5]", "0.0001 1e-05 123456.5 1.2345675e+06")]
    [InlineData("%v %v", "[1.5, 100]", "1.5 100")]
    [InlineData("%8.3f|%-8.2f|", "[3.14159, 2.5]", "   3.142|2.50    |")]
    [InlineData("%%", "[]", "%")]
    [InlineData("%.2f|%e", "[2.0, 3]", "2.00|%!e(int=3)")]
    [InlineData("%v", "[[1, \"a\", {\"k\": null}]]", "[1, \"a\", {\"k\": null}]")]
    [InlineData("%s", "[true]", "true")]
    [InlineData("%v", "[null]", "null")]
    public void Formats_LikeGo(string format, string args, string expected) =>
        Assert.Equal(Call.Str(expected), Sprintf(format, args));

    [Theory]
    [InlineData("%s", "[5]", "%!s(int=5)")]
    [InlineData("%d", "[\"x\"]", "%!d(string=x)")]
    [InlineData("%d", "[1.5]", "%!d(float64=1.5)")]
    [InlineData("%d %d", "[1]", "1 %!d(MISSING)")]
    [InlineData("%d", "[1, \"a\"]", "1%!(EXTRA string=a)")]
    [InlineData("%z", "[1]", "%!z(int=1)")]
    [InlineData("abc%", "[]", "abc%!(NOVERB)")]
    [InlineData("%[2]d %[1]d", "[1, 2]", "2 1")]
    [InlineData("%T %T %T %T", "[1, 1.5, \"a\", [1]]", "int float64 string string")]
    public void Mistakes_PrintGoDiagnostics(string format, string args, string expected) =>
        Assert.Equal(Call.Str(expected), Sprintf(format, args));

    [Fact]
    public void BigIntegers_FormatExactly()
    {
        Assert.Equal("\"123456789123456789123\"", Sprintf("%s", "[123456789123456789123]"));
        Assert.Equal("\"123456789123456789123\"", Sprintf("%d", "[123456789123456789123]"));
        Assert.Equal("\"6b14e9f9b0df36a83\"", Sprintf("%x", "[123456789123456789123]"));
    }

    [Fact]
    public void Sets_PrintInRegoSyntax()
    {
        var result = Call.Value("sprintf", Call.S("%v %v"), new Steward.Policy.Values.ArrayValue(
            [Steward.Policy.Values.SetValue.From([Steward.Policy.Values.NumberValue.One]), Steward.Policy.Values.SetValue.Empty]));
        Assert.Equal("\"{1} set()\"", result!.ToJson());
    }
}
