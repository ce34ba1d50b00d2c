using System.Text;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>Binary-looking text, gigantic lines and edge positions: no exceptions, correct results.</summary>
public sealed class OddInputTests
{
    public static TheoryData<string> Names() => [.. DefaultPatternRecognizers.Create(new PiiEngineOptions()).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void BinaryNoise_ReportsNothingAndDoesNotThrow(string name)
    {
        var random = new Random(5);
        var chars = new char[200_000];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0, 32); // control characters only
        var results = PatternKit.Run(PatternKit.Get(name), new string(chars));
        Assert.Empty(results);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bytes_DecodedAsText_DoNotThrow(string name)
    {
        var random = new Random(9);
        var bytes = new byte[100_000];
        random.NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes) + Encoding.Latin1.GetString(bytes);
        foreach (var r in PatternKit.Run(PatternKit.Get(name), text)) Assert.InRange(r.End, r.Start + 1, text.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("+")]
    [InlineData("(")]
    [InlineData("@")]
    [InlineData("a@")]
    [InlineData("@b.com")]
    [InlineData("::")]
    [InlineData("://")]
    [InlineData("http://")]
    [InlineData("12:")]
    [InlineData("1.")]
    [InlineData("GB82")]
    [InlineData("bc1")]
    [InlineData("AB 12")]
    [InlineData("555-")]
    [InlineData("(555")]
    [InlineData("x123")]
    [InlineData("29 March")]
    public void TinyAndTruncatedTexts_DoNotThrow(string text)
    {
        foreach (var recognizer in DefaultPatternRecognizers.Create(new PiiEngineOptions()))
        {
            foreach (var r in PatternKit.Run(recognizer, text)) Assert.InRange(r.End, r.Start + 1, text.Length);
        }
    }

    [Fact]
    public void TenMegabyteLine_WithoutPii_HasNoResults()
    {
        var text = BuildLine(10_000_000, _ => "lorem ipsum-dolor.sit:amet/consectetur (adipiscing) elit; ");
        Assert.Empty(PatternKit.Engine.Analyze(text));
    }

    [Fact]
    public void TenMegabyteLine_OfDigitsAndSeparators_FinishesWithCorrectResults()
    {
        // Pathological for regexes: one long line of short numbers joined by every separator the scanners follow.
        var text = BuildLine(10_000_000, i => (i % 4) switch { 0 => "12-34.56 ", 1 => "7:8/9 ", 2 => "1.2.3.4.5 ", _ => "(0) " })
                   + " mail me at anna@example.com";
        var results = PatternKit.Engine.Analyze(text);
        Assert.Contains(results, r => r.EntityType == PiiEntities.EmailAddress && text[r.Start..r.End] == "anna@example.com");
        Assert.DoesNotContain(results, r => r.EntityType is PiiEntities.CreditCard or PiiEntities.IbanCode or PiiEntities.UsSsn);
    }

    [Fact]
    public void TenMegabyteWord_OfLettersAndDigits_DoesNotThrow()
    {
        var text = BuildLine(10_000_000, i => i % 2 == 0 ? "a1b2c3d4e5" : "F6G7H8.");
        foreach (var recognizer in DefaultPatternRecognizers.Create(new PiiEngineOptions())) PatternKit.Run(recognizer, text);
    }

    [Fact]
    public void TenMegabyteChainOfDottedLabels_HasNoUrlAndEndsWithTheRealOne()
    {
        var text = BuildLine(10_000_000, _ => "ab.") + " see www.example.org";
        var found = PatternKit.Found(PatternKit.Get("UrlRecognizer"), text);
        Assert.Equal(["www.example.org"], found);
    }

    private static string BuildLine(int length, Func<int, string> piece)
    {
        var sb = new StringBuilder(length + 64);
        for (var i = 0; sb.Length < length; i++) sb.Append(piece(i));
        return sb.ToString();
    }
}
