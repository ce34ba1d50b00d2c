using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

/// <summary>
/// The rules added for names no list holds (pii-accuracy): particles, names widened and coordinated, person cues
/// without a known name, organisation heads and firm verbs, places inside organisation names and after site nouns,
/// streets without a house number, and the NRP/LOCATION convention. Words here are invented so only rules can match.
/// </summary>
public sealed class NameRulesGeneralisationTests
{
    private static readonly AnalyzerEngine Engine = new(new RecognizerRegistry([new GazetteerNameRecognizer()]));

    private static List<(string Type, string Text)> Find(string text, IReadOnlyCollection<string>? entities = null) =>
        [.. Engine.Analyze(text, new AnalyzeOptions { Entities = entities }).OrderBy(r => r.Start).Select(r => (r.EntityType, text[r.Start..r.End]))];

    [Theory]
    [InlineData("Thank you, Dr van den Brakel, for your patience.", "van den Brakel")]
    [InlineData("Interview with Marta U. dos Ravelho, recorded today.", "Marta U. dos Ravelho")]
    [InlineData("Shares fell after Benny ter Stroomvelt resigned.", "Benny ter Stroomvelt")]
    public void ParticlesStayInsideTheName(string text, string name) => Assert.Contains(("PERSON", name), Find(text));

    [Theory]
    [InlineData("Is Plinteru available tomorrow?", "Plinteru")]
    [InlineData("When did Dryjuvo last update the roster?", "Dryjuvo")]
    [InlineData("Per Dreazos, the numbers look fine.", "Dreazos")]
    [InlineData("Congrats to Tuchok Green on the promotion!", "Tuchok Green")]
    [InlineData("I booked a table for Zupurel and me.", "Zupurel")]
    [InlineData("Dachyv D. Vandroeve wrote to complain about the noise.", "Dachyv D. Vandroeve")]
    [InlineData("Raisy Brunet, a Malaysian architect, designed the library.", "Raisy Brunet")]
    [InlineData("Regards,\nSyhind B. Feilor\nRodriguez LLC", "Syhind B. Feilor")]
    [InlineData("Siagos Zeahuth joined the board last year.", "Siagos Zeahuth")]
    public void UnknownNamesWithACue(string text, string name) => Assert.Contains(("PERSON", name), Find(text));

    [Fact]
    public void AProperNounCoordinatedWithANameIsAPerson()
    {
        var found = Find("Romeo and Zaitamor are organising the picnic.");
        Assert.Contains(("PERSON", "Romeo"), found);
        Assert.Contains(("PERSON", "Zaitamor"), found);
    }

    [Theory]
    [InlineData("Alan Kanea-Carrera has been with the firm since 2010.", "Alan Kanea-Carrera")]
    [InlineData("Call Breadyx H. Wibowo-Pudjiastuti today.", "Breadyx H. Wibowo-Pudjiastuti")]
    public void DoubleBarrelledSurnamesAfterANameArePeople(string text, string name)
    {
        var found = Find(text);
        Assert.Contains(("PERSON", name), found);
        Assert.DoesNotContain(found, r => r.Type == "ORGANIZATION");
    }

    [Theory]
    [InlineData("The Annual General Meeting approved the dividend.")]
    [InlineData("Delivery for Dr Kealutal: 303 Chandi Track, Prasannaland")]
    public void NoFalseReadings(string text)
    {
        var found = Find(text);
        Assert.DoesNotContain(("PERSON", "Meeting"), found);
        Assert.DoesNotContain(found, r => r.Type == "LOCATION" && r.Text.StartsWith("Dr", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our Johnston Group account was charged twice.", "Johnston Group")]
    [InlineData("Emmie Murray has been with Marks Pty Ltd since 1987.", "Marks Pty Ltd")]
    [InlineData("A spokesperson for Duraix Health declined to comment.", "Duraix Health")]
    [InlineData("Geamoukor has hired a new chief executive.", "Geamoukor")]
    [InlineData("the deal with lehnorva group fell through.", "lehnorva group")]
    public void Organisations(string text, string org) => Assert.Contains(("ORGANIZATION", org), Find(text));

    [Fact]
    public void TwoOrganisationsJoinedByAndStayTwo()
    {
        var found = Find("Heller Foods and Prohaska Pty Ltd signed the agreement.");
        Assert.Contains(("ORGANIZATION", "Heller Foods"), found);
        Assert.Contains(("ORGANIZATION", "Prohaska Pty Ltd"), found);
    }

    [Fact]
    public void UniversityOfATownReportsTheTownAsWell()
    {
        var found = Find("She studied at the University of Raphaelleview before moving.");
        Assert.Contains(("ORGANIZATION", "University of Raphaelleview"), found);
        Assert.Contains(("LOCATION", "Raphaelleview"), found);
    }

    [Theory]
    [InlineData("The Diakivo branch of Bergman Group closes early.", "Diakivo")]
    [InlineData("Her flat is on Okul Sokak, just past the station.", "Okul Sokak")]
    [InlineData("Her flat is on Bulevardul Preluca, just past the station.", "Bulevardul Preluca")]
    [InlineData("Our flight to Flizovar leaves at noon.", "Flizovar")]
    [InlineData("Aronne Semprini of Drydumor wrote to complain.", "Drydumor")]
    [InlineData("As a Slovak citizen living in the Russian Federation, she needs a visa.", "Russian Federation")]
    public void Places(string text, string place) => Assert.Contains(("LOCATION", place), Find(text));

    [Fact]
    public void NationalitiesAreNrp_OrLocationWhenOnlyLocationIsAskedFor()
    {
        const string text = "On Monday the sudanese government met Buddhist leaders.";
        Assert.Contains(("NRP", "sudanese"), Find(text));
        var locationOnly = Find(text, ["LOCATION", "PERSON"]);
        Assert.Contains(("LOCATION", "sudanese"), locationOnly);
        Assert.DoesNotContain(locationOnly, r => r.Text == "Buddhist");
    }
}
