namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>UK_NHS (mod 11), UK_NINO (prefixes) and MEDICAL_LICENSE (DEA check digit).</summary>
public sealed class UkAndMedicalRecognizerTests
{
    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("9434765919")]
    public void Nhs_ValidChecksumAfterContext(string nhs)
    {
        var result = PatternKit.Single(PatternKit.Get("NhsRecognizer"), $"NHS number {nhs}.", nhs);
        Assert.Equal(1.0, result.Score);
        Assert.True(result.Explanation.ValidationResult);
    }

    [Theory]
    [InlineData("NHS number 943 476 5918")] // check digit wrong
    [InlineData("NHS number 943 476 591")]
    [InlineData("call 943 476 5919")] // valid, but no NHS context: a phone number shape
    public void Nhs_IgnoresNearMisses(string text) => Assert.Empty(PatternKit.Found(PatternKit.Get("NhsRecognizer"), text));

    [Theory]
    [InlineData("AB 12 34 56 C")]
    [InlineData("AB123456C")]
    [InlineData("JG103759A")]
    public void Nino_ValidPrefixes(string nino) =>
        Assert.Equal(0.5, PatternKit.Single(PatternKit.Get("UkNinoRecognizer"), $"NI {nino} ok", nino).Score);

    [Theory]
    [InlineData("QQ123456C")] // Q is never a prefix letter
    [InlineData("GB123456A")] // reserved pair
    [InlineData("AO123456A")] // O is not a second letter
    [InlineData("AB123456E")] // suffix A-D
    [InlineData("AB12345C")]
    [InlineData("ab123456c")] // lower case without context
    public void Nino_IgnoresInvalid(string value) => Assert.Empty(PatternKit.Found(PatternKit.Get("UkNinoRecognizer"), $"ref {value} ok"));

    [Fact]
    public void Nino_LowerCaseWithContext() =>
        PatternKit.Single(PatternKit.Get("UkNinoRecognizer"), "my national insurance number is ab123456c", "ab123456c");

    [Theory]
    [InlineData("AB1234563")]
    [InlineData("BJ6125341")]
    [InlineData("A91234563")]
    public void Dea_ValidCheckDigit(string dea) =>
        Assert.Equal(1.0, PatternKit.Single(PatternKit.Get("MedicalLicenseRecognizer"), $"DEA {dea} ok", dea).Score);

    [Theory]
    [InlineData("AB1234567")] // check digit wrong
    [InlineData("IB1234563")] // I is not a registrant type
    [InlineData("AB12345630")]
    public void Dea_IgnoresNearMisses(string value) => Assert.Empty(PatternKit.Found(PatternKit.Get("MedicalLicenseRecognizer"), $"DEA {value} ok"));
}
