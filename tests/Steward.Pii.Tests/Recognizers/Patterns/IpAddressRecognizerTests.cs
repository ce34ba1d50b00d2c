namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class IpAddressRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("IpRecognizer");

    [Theory]
    [InlineData("192.168.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8:85a3::8a2e:370:7334")]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("fe80::1")]
    [InlineData("::1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("2001:db8::")]
    public void Finds_V4AndV6(string ip)
    {
        var result = PatternKit.Single(Recognizer, $"from {ip}, again", ip);
        Assert.Equal(0.6, result.Score);
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")] // a version, not an address
    [InlineData("01.2.3.4")]
    [InlineData("14:48:14")] // a time
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("2001:db8::1::2")] // two compressions
    [InlineData("12345::1")]
    [InlineData("00:1A:2B:3C:4D:5E3.14.1.2")] // a hex group in the IPv4 tail threw a FormatException (found by EnginePathsTests)
    public void Ignores_NearMisses(string value) => Assert.Empty(PatternKit.Found(Recognizer, $"at {value} now"));

    [Fact]
    public void Port_IsNotPartOfTheAddress()
    {
        const string text = "connect 10.0.0.1:8080 now";
        PatternKit.Single(Recognizer, text, "10.0.0.1");
    }
}
