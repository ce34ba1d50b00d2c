namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class IbanRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("IbanRecognizer");

    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("NO9386011117947")]
    [InlineData("MT84 MALT 0110 0001 2345 MTLC AST0 01S")]
    public void Finds_ValidIbans_CompactOrGroupedInFours(string iban)
    {
        var result = PatternKit.Single(Recognizer, $"Pay to {iban}, please.", iban);
        Assert.Equal(1.0, result.Score);
        Assert.True(result.Explanation.ValidationResult);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33")] // mod 97 fails
    [InlineData("GB82WEST1234569876543")] // one character short for GB
    [InlineData("GB82WEST123456987654321")] // one too many
    [InlineData("XX82WEST12345698765432")] // no such country
    [InlineData("GB82 WEST12 3456 9876 5432")] // grouping broken
    [InlineData("gb82west12345698765432")] // lower-case country code
    public void Ignores_NearMisses(string value) => Assert.Empty(PatternKit.Found(Recognizer, $"iban {value} end"));
}
