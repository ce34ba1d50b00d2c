namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class UsSsnRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("UsSsnRecognizer");

    [Theory]
    [InlineData("536-22-8726")]
    [InlineData("536 22 8726")]
    [InlineData("536.22.8726")]
    public void Finds_DelimitedNumbers_AtMediumScore(string ssn)
    {
        var result = PatternKit.Single(Recognizer, $"number {ssn} on file", ssn);
        Assert.Equal(0.5, result.Score);
    }

    [Theory]
    [InlineData("536-22 8726")] // mixed delimiters
    [InlineData("111-11-1111")] // all digits equal
    [InlineData("536-00-8726")] // group 00
    [InlineData("536-22-0000")] // serial 0000
    [InlineData("000-22-8726")] // area 000
    [InlineData("666-22-8726")] // area 666
    [InlineData("912-22-8726")] // area 9xx (ITIN range)
    [InlineData("123-45-6789")] // published sample
    [InlineData("078-05-1120")] // the Woolworth wallet card
    [InlineData("536-22-87261")]
    [InlineData("1536-22-8726")]
    public void Applies_PresidiosInvalidationRules(string value) => Assert.Empty(PatternKit.Found(Recognizer, $"ssn {value} here"));

    [Theory]
    [InlineData("536228726")]
    [InlineData("53622-8726")]
    public void WeakForms_NeedAContextWord(string value)
    {
        Assert.Empty(PatternKit.Found(Recognizer, $"the value {value} here"));
        var result = PatternKit.Single(Recognizer, $"my SSN: {value} here", value);
        Assert.Equal(0.05, result.Score);
        var boosted = Assert.Single(PatternKit.Analyze($"my SSN: {value} here", PiiEntities.UsSsn));
        Assert.True(boosted.Score >= 0.4);
    }
}
