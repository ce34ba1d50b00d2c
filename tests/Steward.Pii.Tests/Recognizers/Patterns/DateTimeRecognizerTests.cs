namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class DateTimeRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("DateTimeRecognizer");

    [Theory]
    [InlineData("2017-03-29")]
    [InlineData("1998-06-28 14:48:14")]
    [InlineData("2017-03-29T14:48:00Z")]
    [InlineData("2017-03-29T14:48:00.123+02:00")]
    [InlineData("12/27/1986")]
    [InlineData("12/1/1977")]
    [InlineData("27/12/1986")]
    [InlineData("27.12.1986")]
    [InlineData("27-12-1986")]
    [InlineData("12/27/86")]
    [InlineData("29 March 2017")]
    [InlineData("29th of March, 2017")]
    [InlineData("March 29, 2017")]
    [InlineData("March 29th 2017")]
    [InlineData("Mar. 29, 2017")]
    [InlineData("Monday, March 29, 2017")]
    [InlineData("29 Mar")]
    [InlineData("Mar 2017")]
    [InlineData("14:48")]
    [InlineData("14:48:14")]
    [InlineData("2pm")]
    [InlineData("10:30 a.m.")]
    [InlineData("11 PM")]
    public void Finds_DatesAndTimes_WithExactSpans(string value) =>
        Assert.InRange(PatternKit.Single(Recognizer, $"It happened {value}, they said.", value).Score, 0.5, 1.0);

    [Theory]
    [InlineData("2017-13-29")] // month 13
    [InlineData("2017-02-30")] // February 30
    [InlineData("31/31/1999")]
    [InlineData("25:61")]
    [InlineData("version 1.2.3")]
    [InlineData("v2.10.2019")]
    [InlineData("release 1.12.2019 is out")] // dotted after a version word
    [InlineData("10.0.0.1")]
    [InlineData("1.2.3.4.2019")]
    [InlineData("13pm")]
    [InlineData("in 1998")] // plain year without a date word
    [InlineData("room 2017")]
    [InlineData("may 5 people come")] // lower-case may is a verb
    [InlineData("fe80::14:48")]
    public void Ignores_NonDates(string text) => Assert.Empty(PatternKit.Found(Recognizer, text));

    [Fact]
    public void ImpossibleDay_LeavesTheMonthAndYear() =>
        Assert.Equal(["March 2017"], PatternKit.Found(Recognizer, "on 32 March 2017"));

    [Fact]
    public void PlainYear_AfterADateWord()
    {
        var result = PatternKit.Single(Recognizer, "She was born 1986 in Leeds", "1986");
        Assert.Equal(0.5, result.Score);
    }

    [Fact]
    public void DateThenTime_IsOneResult() =>
        Assert.Equal(["2026-01-15 10:23:45.123"], PatternKit.Found(Recognizer, "at 2026-01-15 10:23:45.123 INFO started"));
}
