namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class UrlRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("UrlRecognizer");

    [Theory]
    [InlineData("http://www.DialForum.co.uk/", 0.9)]
    [InlineData("https://example.com/path?q=1&r=2#top", 0.9)]
    [InlineData("ftp://files.example.org/pub", 0.9)]
    [InlineData("http://192.168.0.1:8080/admin", 0.9)]
    [InlineData("www.example.org", 0.8)]
    [InlineData("www.example.org/about", 0.8)]
    [InlineData("example.co.uk", 0.5)]
    [InlineData("shop.example.de/cart", 0.5)]
    public void Finds_SchemeWwwAndBareDomainUrls(string url, double score)
    {
        var result = PatternKit.Single(Recognizer, $"See {url}, thanks.", url);
        Assert.Equal(score, result.Score);
    }

    [Theory]
    [InlineData("see README.md for details")] // file extension
    [InlineData("run setup.py first")]
    [InlineData("e.g. this")]
    [InlineData("pi is 3.14 or so")]
    [InlineData("end.Next sentence")] // capitalised word, not a TLD
    [InlineData("mail anna@example.com now")] // e-mail domains are not URLs
    [InlineData("host example.notatld here")]
    [InlineData("javascript://alert")] // unknown scheme
    public void Ignores_NonUrls(string text) => Assert.Empty(PatternKit.Found(Recognizer, text));

    [Fact]
    public void TrailingPunctuation_AndUnbalancedParentheses_AreTrimmed()
    {
        const string text = "(see https://en.wikipedia.org/wiki/Foo_(bar)) and https://example.com/a.";
        Assert.Equal(["https://en.wikipedia.org/wiki/Foo_(bar)", "https://example.com/a"], PatternKit.Found(Recognizer, text));
    }
}
