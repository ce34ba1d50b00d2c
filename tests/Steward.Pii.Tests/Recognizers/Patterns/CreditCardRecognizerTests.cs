namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class CreditCardRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("CreditCardRecognizer");

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("5500 0000 0000 0004")]
    [InlineData("3782 822463 10005")]
    [InlineData("378282246310005")]
    [InlineData("6011000990139424")]
    [InlineData("2223003122003222")]
    [InlineData("3530111333300000")]
    [InlineData("4222222222222")]
    public void Finds_LuhnValidCards_InTheirUsualGroupings(string card)
    {
        var text = $"Paid with {card}, thanks.";
        var result = PatternKit.Single(Recognizer, text, card);
        Assert.Equal(1.0, result.Score);
        Assert.True(result.Explanation.ValidationResult);
    }

    [Theory]
    [InlineData("4111111111111112")] // Luhn fails
    [InlineData("4111 1111 1111 1112")]
    [InlineData("1234567812345670")] // Luhn holds, no issuer starts with 1
    [InlineData("41111111111111111111")] // 20 digits
    [InlineData("4111 1111 1111 1111 1111 11")] // continues past 19 digits
    [InlineData("411111111111")] // a Visa cannot have 12 digits
    [InlineData("41 1111 1111 1111 11")] // the first group of a grouped card has four digits
    [InlineData("x4111111111111111")]
    [InlineData("4111-1111 1111-1111")] // mixed separators
    public void Ignores_NearMisses(string value)
    {
        Assert.Empty(PatternKit.Found(Recognizer, $"number {value} here"));
    }

    [Fact]
    public void Finds_SeveralCards_WithExactOffsets()
    {
        const string text = "a 4111111111111111 b 5500-0000-0000-0004 c";
        Assert.Equal(["4111111111111111", "5500-0000-0000-0004"], PatternKit.Found(Recognizer, text));
    }
}
