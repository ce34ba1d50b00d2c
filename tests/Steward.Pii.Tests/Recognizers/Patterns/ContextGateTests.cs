using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>
/// <see cref="ContextGate.MayPass"/> lets a gated recognizer skip a text; it must never say "no" where
/// <see cref="TextAround.HasContextBefore"/> would say "yes" at some position of the text.
/// </summary>
public sealed class ContextGateTests
{
    private static readonly ContextGate Licence = new(["driver", "license", "licence", "dl", "lic", "cdl"]);

    [Theory]
    [InlineData("driver license A1234567", true)]
    [InlineData("DL: 123456789", true)]
    [InlineData("Drivers: 1234567", true)] // plural s
    [InlineData("LICENSES 1234567", true)]
    [InlineData("see our policy on public data 1234567", false)] // "lic" inside longer words
    [InlineData("handle the needle 1234567", false)] // "dl" inside words
    [InlineData("dls 1234567", true)]
    [InlineData("dlss 1234567", false)]
    [InlineData("2026-03-04T10:00:00Z INFO GET /api/v2/orders/1234567 200", false)]
    [InlineData("", false)]
    [InlineData("lic", true)]
    [InlineData("x-lic-9", true)]
    [InlineData("Führerschein 1234567", true)] // non-ASCII: left to the exact check
    public void MayPass_IsFalseOnlyWithoutAGateWord(string text, bool expected) =>
        Assert.Equal(expected, Licence.MayPass(text));

    [Fact]
    public void MayPass_NeverRulesOutAPositionHasContextBeforeAccepts()
    {
        var words = new[] { "driver", "licence", "dl", "lic", "the", "public", "policy", "DLS", "Lics", "idle", "x", "1234567", "A123456" };
        var separators = new[] { " ", "-", ": ", "\n", "#", "." };
        var random = new Random(5);
        for (var n = 0; n < 3000; n++)
        {
            var parts = new List<string>();
            for (var k = random.Next(1, 12); k > 0; k--) parts.Add(words[random.Next(words.Length)] + separators[random.Next(separators.Length)]);
            var text = string.Concat(parts);
            var anywhere = Enumerable.Range(0, text.Length + 1).Any(i => TextAround.HasContextBefore(text, i, Licence.Words, 6));
            if (anywhere) Assert.True(Licence.MayPass(text), text);
            if (!Licence.MayPass(text)) Assert.False(anywhere, text);
        }
    }

    [Fact]
    public void Constructor_RejectsWordsTheWholeTextCheckCannotMatch()
    {
        Assert.Throws<ArgumentException>(() => new ContextGate(["Licence"]));
        Assert.Throws<ArgumentException>(() => new ContextGate(["lic#"]));
        Assert.Throws<ArgumentException>(() => new ContextGate([]));
    }

    [Fact]
    public void DriverLicence_InDenseText_StillReportsAfterAGateWordAndNotWithoutOne()
    {
        var engine = new AnalyzerEngine(RecognizerRegistry.CreatePatternOnly());
        var numbers = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"{i}.{i * 7 % 10}"));
        var gated = engine.Analyze($"{numbers}\nDriver licence: A1234567\n{numbers}");
        Assert.Contains(gated, r => r.EntityType == PiiEntities.UsDriverLicense && r.Start == numbers.Length + 17);
        Assert.Contains(engine.Analyze($"{numbers} DLs 123456789, {numbers}"), r => r.EntityType == PiiEntities.UsDriverLicense); // not joined on to the next number
        Assert.DoesNotContain(engine.Analyze($"{numbers}\nOrder id: A1234567 public policy 123456789\n{numbers}"), r => r.EntityType == PiiEntities.UsDriverLicense);
    }
}
