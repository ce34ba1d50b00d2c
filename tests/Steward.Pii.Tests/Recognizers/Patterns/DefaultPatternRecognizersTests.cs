using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class DefaultPatternRecognizersTests
{
    [Fact]
    public void Covers_EveryPatternEntity_WithUniqueNamesAndContextWords()
    {
        var recognizers = DefaultPatternRecognizers.Create(new PiiEngineOptions());
        Assert.Equal(recognizers.Count, recognizers.Select(r => r.Name).Distinct().Count());
        string[] expected =
        [
            PiiEntities.CreditCard, PiiEntities.Crypto, PiiEntities.DateTime, PiiEntities.EmailAddress, PiiEntities.IbanCode,
            PiiEntities.IpAddress, PiiEntities.MacAddress, PiiEntities.PhoneNumber, PiiEntities.Url, PiiEntities.UsSsn, PiiEntities.UsItin,
            PiiEntities.UsPassport, PiiEntities.UsDriverLicense, PiiEntities.UsBankNumber, PiiEntities.UkNhs, PiiEntities.UkNino,
            PiiEntities.MedicalLicense,
        ];
        Assert.Equal(expected.Order(), recognizers.SelectMany(r => r.SupportedEntities).Order());
        Assert.All(recognizers, r => Assert.NotEmpty(r.Context));
    }

    [Fact]
    public void PatternOnlyEngine_FindsMixedPii_AndHonoursEntityFilters()
    {
        const string text = "Hi, I'm at anna@example.com or +44 20 7946 0958; card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, server 10.1.2.3.";
        var found = PatternKit.Engine.Analyze(text).Select(r => (r.EntityType, text[r.Start..r.End])).ToList();
        Assert.Contains((PiiEntities.EmailAddress, "anna@example.com"), found);
        Assert.Contains((PiiEntities.PhoneNumber, "+44 20 7946 0958"), found);
        Assert.Contains((PiiEntities.CreditCard, "4111 1111 1111 1111"), found);
        Assert.Contains((PiiEntities.IbanCode, "GB82 WEST 1234 5698 7654 32"), found);
        Assert.Contains((PiiEntities.IpAddress, "10.1.2.3"), found);
        Assert.Equal(5, found.Count);
        var onlyCards = PatternKit.Engine.Analyze(text, new AnalyzeOptions { Entities = [PiiEntities.CreditCard] });
        Assert.Equal(PiiEntities.CreditCard, Assert.Single(onlyCards).EntityType);
    }

    [Fact]
    public void SharedIndex_IsBuiltOncePerContext()
    {
        var context = new AnalysisContext("call 555-0147 at 10:30");
        Assert.Same(NumberIndex.Of(context), NumberIndex.Of(context));
        Assert.Equal(4, NumberIndex.Of(context).Count);
    }
}
