namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class EmailRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("EmailRecognizer");

    [Theory]
    [InlineData("john@example.com")]
    [InlineData("LeaV.Lind+news@mail.superrito.co.uk")]
    [InlineData("o'brien_99@dept.example.org")]
    [InlineData("x@ab.io")]
    public void Finds_Addresses_WithExactSpans(string address)
    {
        var result = PatternKit.Single(Recognizer, $"Write to <{address}>.", address);
        Assert.Equal(1.0, result.Score);
    }

    [Theory]
    [InlineData("john@localhost")] // no TLD
    [InlineData("john@example.notatld")]
    [InlineData("john@.com")]
    [InlineData("@example.com")]
    [InlineData("john..doe@example.com")]
    [InlineData("john.@example.com")]
    [InlineData("user@-example.com")]
    public void Ignores_MalformedAddresses(string value) => Assert.Empty(PatternKit.Found(Recognizer, $"mail {value} now"));

    [Fact]
    public void Quotes_AndTrailingDots_AreNotPartOfTheAddress()
    {
        const string text = "say 'ann@example.com'. Or \"bob@example.org\".";
        Assert.Equal(["ann@example.com", "bob@example.org"], PatternKit.Found(Recognizer, text));
    }
}
