namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class PhoneNumberRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("PhoneRecognizer");

    [Theory]
    [InlineData("212-555-0147")]
    [InlineData("(212)555-0147")]
    [InlineData("(212) 555-0147")]
    [InlineData("212.555.0147")]
    [InlineData("+1-212-555-0147")]
    [InlineData("001-212-555-0147x123")]
    [InlineData("212.555.0147x4567")]
    [InlineData("212-555-0147 ext. 12")]
    [InlineData("+44(0)20 7946 0958")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("020 7946 0958")]
    [InlineData("(0161) 496 0000")]
    [InlineData("+49(0)30-12345678")]
    [InlineData("030/1234567")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("+33 (0)1 23 45 67 89")]
    [InlineData("01 23 45 67 89")]
    [InlineData("01.23.45.67.89")]
    [InlineData("(07) 5331 0577")]
    [InlineData("(96) 627-277")]
    [InlineData("041-412-293")]
    [InlineData("69 987 88 37")]
    [InlineData("+61 4 1234 5678")]
    [InlineData("+7 912 345-67-89")]
    [InlineData("415 555-0132")]
    [InlineData("(+62) 21 5678 1234")]
    [InlineData("+972-3-123-4567")]
    public void Finds_NumbersInManyNationalStyles(string phone)
    {
        var text = $"You can reach me on {phone} after lunch.";
        var result = PatternKit.Single(Recognizer, text, phone);
        Assert.InRange(result.Score, 0.4, 1.0);
    }

    [Theory]
    [InlineData("Order 123-456-7890 shipped")] // after an order word
    [InlineData("on 2017-03-29 at noon")]
    [InlineData("born 12/27/1986 in Ohio")]
    [InlineData("server 192.168.100.200 is down")]
    [InlineData("release 10.0.19041.1 is out")]
    [InlineData("ssn 536-22-8726 on file")]
    [InlineData("card 4111 1111 1111 1111 declined")]
    [InlineData("ZIP 90210-1234")]
    [InlineData("from 1998-2003 we grew")]
    [InlineData("scores 12 15 18 20 this week")]
    [InlineData("the years 2015 2016 2017 were good")]
    [InlineData("population 12.345.678 people")]
    [InlineData("ticket #5551234567 closed")]
    [InlineData("a count of 4155552671 events")] // compact, no context word
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32")]
    [InlineData("at 14:30 and 15:45")]
    [InlineData("it costs 1,234,567 dollars")]
    [InlineData("GET /api 200 1532 12ms")]
    [InlineData("my driver's license number is 481195160")]
    public void Ignores_NumbersThatAreNotPhones(string text) => Assert.Empty(PatternKit.Found(Recognizer, text));

    [Fact]
    public void CompactNumbers_NeedAContextWordAndAValidPlan()
    {
        PatternKit.Single(Recognizer, "call me on 2125550147 today", "2125550147");
        Assert.Empty(PatternKit.Found(Recognizer, "call me on 0000000000 today"));
    }

    [Fact]
    public void International_CompactNumbers_AreValidatedByLibphonenumber()
    {
        var result = PatternKit.Single(Recognizer, "Dial +442079460958 now", "+442079460958");
        Assert.Contains("GB", result.Explanation.PatternName, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeAfterDate_IsNotJoinedToTheDate()
    {
        Assert.Empty(PatternKit.Found(Recognizer, "at 2017-03-29 14:48:14 the job ran"));
        Assert.Equal(["555-0147"], PatternKit.Found(Recognizer, "room 12345 555-0147"));
    }

    [Fact]
    public void ContextWord_RaisesTheScore()
    {
        var plain = Assert.Single(PatternKit.Analyze("It is 212 555 0147 I think", PiiEntities.PhoneNumber));
        var withContext = Assert.Single(PatternKit.Analyze("My phone is 212 555 0147 I think", PiiEntities.PhoneNumber));
        Assert.True(withContext.Score > plain.Score);
    }

    [Fact]
    public void Regions_ComeFromTheOptions()
    {
        var usOnly = Steward.Pii.Recognizers.Patterns.DefaultPatternRecognizers.Create(new PiiEngineOptions { PhoneRegions = ["US"] })
            .Single(r => r.Name == "PhoneRecognizer");
        // A compact French mobile number validates only against the FR plan.
        Assert.Empty(PatternKit.Found(usOnly, "call 0612345678 now"));
        Assert.Single(PatternKit.Found(Recognizer, "call 0612345678 now"));
    }
}
