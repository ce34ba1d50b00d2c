namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>US_ITIN, US_PASSPORT, US_DRIVER_LICENSE and US_BANK_NUMBER: weak shapes that need context.</summary>
public sealed class UsIdentifierRecognizerTests
{
    [Theory]
    [InlineData("912-70-1234", 0.5)]
    [InlineData("912 94 1234", 0.5)]
    public void Itin_DelimitedWithAValidGroup(string itin, double score) =>
        Assert.Equal(score, PatternKit.Single(PatternKit.Get("UsItinRecognizer"), $"it is {itin} ok", itin).Score);

    [Theory]
    [InlineData("912-93-1234")] // group 93 is not issued
    [InlineData("912-49-1234")]
    [InlineData("812-70-1234")] // ITINs start with 9
    [InlineData("912701234")] // compact without context
    public void Itin_IgnoresNearMisses(string value) => Assert.Empty(PatternKit.Found(PatternKit.Get("UsItinRecognizer"), $"it is {value} ok"));

    [Fact]
    public void Itin_CompactNeedsContext() =>
        PatternKit.Single(PatternKit.Get("UsItinRecognizer"), "taxpayer ITIN 912701234", "912701234");

    [Theory]
    [InlineData("My passport number is 912803456", "912803456", 0.05)]
    [InlineData("passport: A12345678", "A12345678", 0.1)]
    public void Passport_NeedsContext(string text, string value, double score)
    {
        var recognizer = PatternKit.Get("UsPassportRecognizer");
        Assert.Equal(score, PatternKit.Single(recognizer, text, value).Score);
        Assert.Empty(PatternKit.Found(recognizer, text.Replace("passport", "order", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("My driver's license number is 481195160", "481195160", 0.01)]
    [InlineData("Driving licence: D1234567", "D1234567", 0.3)]
    [InlineData("DL AB123456 issued in Ohio", "AB123456", 0.3)]
    public void DriverLicense_NeedsContext(string text, string value, double score)
    {
        var recognizer = PatternKit.Get("UsLicenseRecognizer");
        Assert.Equal(score, PatternKit.Single(recognizer, text, value).Score);
        Assert.Empty(PatternKit.Found(recognizer, $"Reference {value} attached"));
        var boosted = Assert.Single(PatternKit.Analyze(text, PiiEntities.UsDriverLicense));
        Assert.True(boosted.Score >= 0.4);
    }

    [Fact]
    public void DriverLicense_IgnoresLowerCaseWordsAndGluedValues()
    {
        var recognizer = PatternKit.Get("UsLicenseRecognizer");
        Assert.Empty(PatternKit.Found(recognizer, "license key abc12345"));
        Assert.Empty(PatternKit.Found(recognizer, "license file v1.2345678"));
    }

    [Fact]
    public void BankNumber_NeedsContext()
    {
        var recognizer = PatternKit.Get("UsBankRecognizer");
        Assert.Equal(0.05, PatternKit.Single(recognizer, "bank account 123456789012", "123456789012").Score);
        Assert.Empty(PatternKit.Found(recognizer, "tracking 123456789012"));
        Assert.Empty(PatternKit.Found(recognizer, "account 1234567")); // too short
        Assert.Empty(PatternKit.Found(recognizer, "account 123456789012345678")); // too long
    }
}
