namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class MacAddressRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("MacAddressRecognizer");

    [Theory]
    [InlineData("00:1A:2B:3C:4D:5E", 0.8)]
    [InlineData("00-1a-2b-3c-4d-5e", 0.8)]
    [InlineData("a0:b1:c2:d3:e4:f5", 0.8)]
    [InlineData("001a.2b3c.4d5e", 0.6)]
    public void Finds_ColonHyphenAndCiscoForms(string mac, double score)
    {
        var result = PatternKit.Single(Recognizer, $"device {mac} joined", mac);
        Assert.Equal(score, result.Score);
    }

    [Theory]
    [InlineData("00:1A:2B:3C:4D")] // five pairs
    [InlineData("00:1A:2B-3C:4D:5E")] // mixed separators
    [InlineData("00:1A:2B:3C:4D:5E:6F")] // seven pairs
    [InlineData("00:1G:2B:3C:4D:5E")] // not hex
    [InlineData("001a.2b3c.4d5e.6f70")]
    public void Ignores_NearMisses(string value) => Assert.Empty(PatternKit.Found(Recognizer, $"device {value} joined"));
}
