using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

/// <summary>Each rule of <see cref="GazetteerNameRecognizer"/> with cases that must and must not match.</summary>
public sealed class NameRulesTests
{
    private static readonly AnalyzerEngine Engine = new(new RecognizerRegistry([new GazetteerNameRecognizer()]));

    internal static List<(string Type, string Text)> Find(string text) =>
        [.. Engine.Analyze(text).OrderBy(r => r.Start).Select(r => (r.EntityType, text[r.Start..r.End]))];

    private static void Has(string text, string type, string value) =>
        Assert.Contains((type, value), Find(text));

    private static void HasNo(string text, string type) =>
        Assert.DoesNotContain(Find(text), r => r.Type == type);

    [Theory]
    [InlineData("I spoke with Dr. Okonkwo yesterday.", "Okonkwo")]
    [InlineData("Please ask mrs. Vanterpool to call back.", "Vanterpool")]
    [InlineData("Prof Hildegard Brandvold will teach the course.", "Hildegard Brandvold")]
    public void TitleIsNotPartOfThePerson(string text, string name) => Has(text, "PERSON", name);

    [Fact]
    public void OfJoinsAnOrganisationsHeadWord_NotAPersonToAFirm()
    {
        var found = Find("The talk by Ahmed of Torwen Labs was great; she banks with the Bank of Zorvania Ltd.");
        Assert.Contains(("PERSON", "Ahmed"), found);
        Assert.Contains(("ORGANIZATION", "Torwen Labs"), found);
        Assert.Contains(("ORGANIZATION", "Bank of Zorvania Ltd"), found);
    }

    [Fact]
    public void WordsInsideAnEmailAddressStartNoName_ANameBeforeIt_OrBeforeALocalPartItDoesNotCover_Still()
    {
        HasNo("ines.838@example.com", "PERSON"); // caseless, so every word could start a name ("ines" did): the address is EMAIL_ADDRESS
        HasNo("priya.547@example.com", "PERSON");
        HasNo("maria.lopez@acme.com", "PERSON");
        var found = Find("Write to Maria Lopez at maria.lopez@acme.com today");
        Assert.Contains(("PERSON", "Maria Lopez"), found);
        Assert.DoesNotContain(found, r => r.Text.Contains("maria", StringComparison.Ordinal));
        Has("chloé.674@example.com", "PERSON", "chloé"); // the address found is "674@example.com": its e-mail result leaves "chloé" to us
    }

    [Theory]
    [InlineData("For the tax form my SSN is 123-45-6789.")]
    [InlineData("Our VAT is included and the DOB was checked.")]
    public void ShortAcronymsInMixedCaseTextAreNotPeople(string text) => HasNo(text, "PERSON");

    [Theory]
    [InlineData("Hello, my name is Zorblat Quinn.", "Zorblat Quinn")]
    [InlineData("Everyone calls me Vesna", "Vesna")]
    [InlineData("Surname: Okeke", "Okeke")]
    [InlineData("i am dagny thorsrud and i need help", "dagny thorsrud")]
    public void CuePhrasesIntroduceNames(string text, string name) => Has(text, "PERSON", name);

    [Theory]
    [InlineData("I am happy to help you today.")]
    [InlineData("My name is not important here.")]
    [InlineData("Hello, I'm glad you asked.")]
    public void CuePhrasesWithoutANameFindNothing(string text) => HasNo(text, "PERSON");

    [Theory]
    [InlineData("Yesterday Rosalind Achterberg signed the lease.", "Rosalind Achterberg")]
    [InlineData("please ask maria kowalczyk to call me", "maria kowalczyk")]
    [InlineData("THE FORM WAS SIGNED BY JOHANNES LINDQVIST", "JOHANNES LINDQVIST")]
    [InlineData("The award went to Priya K. Raghunathan last night.", "Priya K. Raghunathan")]
    public void GivenNameAndSurname(string text, string name) => Has(text, "PERSON", name);

    [Theory]
    [InlineData("Okafor said the results were good.", "Okafor")]
    [InlineData("We borrowed Ingrid's bike for the weekend.", "Ingrid")]
    [InlineData("The song was written by Teodorescu in 1999.", "Teodorescu")]
    [InlineData("Ximena, can you check the invoice?", "Ximena")]
    public void CuesAroundALoneName(string text, string name) => Has(text, "PERSON", name);

    [Theory]
    [InlineData("Wisdom and Discipline matter more than Talent.")]
    [InlineData("Grace periods apply to every Bill we send.")]
    [InlineData("See you in May or June, maybe on a Sunday.")]
    [InlineData("2026-01-02 ERROR Connection reset by Peer at Worker.Run()")]
    [InlineData("Install PostgreSQL, then restart the Service and the Scheduler.")]
    [InlineData("Our Quarterly Report covers Marketing, Sales and Support.")]
    public void OrdinaryCapitalisedWordsAreNotPeople(string text) => HasNo(text, "PERSON");

    [Theory]
    [InlineData("Send it to 221 Baker Street, London please.", "221 Baker Street, London")]
    [InlineData("She lives at 14 Rue de la Paix, Paris.", "14 Rue de la Paix, Paris")]
    [InlineData("Meet me at Keizersgracht 123 tomorrow.", "Keizersgracht 123")]
    [InlineData("new address: 77 harbour road apt 4, port elwyn", "77 harbour road apt 4, port elwyn")]
    [InlineData("Ship it to Via Garibaldi 12, Torino.", "Via Garibaldi 12, Torino")]
    public void StreetAddressesAreOneLocation(string text, string address) => Has(text, "LOCATION", address);

    [Fact]
    public void AddressBlockAcrossLinesIsOneLocation()
    {
        const string text = "Invoice to:\nJan Novak\nHauptstraße 12\n10115 Berlin\nGermany\nTel: 030 1234567";
        var found = Find(text);
        Assert.Contains(("PERSON", "Jan Novak"), found);
        Assert.Contains(("LOCATION", "Hauptstraße 12\n10115 Berlin\nGermany"), found);
    }

    [Fact]
    public void UsStyleBlockWithUnitRegionAndCode()
    {
        const string text = "Deliver to\n4821 Maple Grove Drive Suite 300\nSpringfield, IL 62704\nThanks!";
        Has(text, "LOCATION", "4821 Maple Grove Drive Suite 300\nSpringfield, IL 62704");
    }

    [Theory]
    [InlineData("She flew from Nairobi to Peru.", "Nairobi")]
    [InlineData("She flew from Nairobi to Peru.", "Peru")]
    [InlineData("He grew up in Tralvik and never left.", "Tralvik")]
    [InlineData("They were born in Cascais, Portugal.", "Cascais, Portugal")]
    [InlineData("We drove through Port Kellerby at dawn.", "Port Kellerby")]
    public void PlacesAreLocations(string text, string place) => Has(text, "LOCATION", place);

    [Theory]
    [InlineData("The Turkey was delicious and the China cabinet shone.")]
    [InlineData("We march in March and meet on Monday.")]
    public void AmbiguousPlaceWordsNeedACue(string text) => HasNo(text, "LOCATION");

    [Theory]
    [InlineData("The Kenyan runner thanked the Buddhist monks.", "Kenyan")]
    [InlineData("The Kenyan runner thanked the Buddhist monks.", "Buddhist")]
    [InlineData("the republicans and the socialists disagreed", "republicans")]
    public void NationalitiesReligionsAndPartiesAreNrp(string text, string value) => Has(text, "NRP", value);

    [Theory]
    [InlineData("He works for Brightwave Ltd in the city.", "Brightwave Ltd")]
    [InlineData("She studied at the University of Ghent.", "University of Ghent")]
    [InlineData("Our supplier is Kowalczyk, Nowak and Wiśniewski.", "Kowalczyk, Nowak and Wiśniewski")]
    [InlineData("The contract with Moreira S.A. ends soon.", "Moreira S.A")]
    [InlineData("I joined Trellisoft last year.", "Trellisoft")]
    public void Organisations(string text, string org) => Has(text, "ORGANIZATION", org);

    [Fact]
    public void SignatureBlockHasPersonOrganisationAndAddress()
    {
        const string text = "Best regards,\nAmara Osei\nQuillfeather Consulting\n18 Dockside Lane\nBristol BS1 4RN\nUnited Kingdom";
        var found = Find(text);
        Assert.Contains(("PERSON", "Amara Osei"), found);
        Assert.Contains(("ORGANIZATION", "Quillfeather Consulting"), found);
        Assert.Contains(("LOCATION", "18 Dockside Lane\nBristol BS1 4RN\nUnited Kingdom"), found);
    }

    [Fact]
    public void ExplainsEachResultAndKeepsScoresInRange()
    {
        var results = Engine.Analyze("Mr. Haverford lives in Oslo.");
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.InRange(r.Score, 0, 1);
            Assert.Equal("GazetteerNameRecognizer", r.Explanation.Recognizer);
            Assert.False(string.IsNullOrEmpty(r.Explanation.PatternName));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("1234 5678 !!! ???")]
    [InlineData("\uFFFD\uFFFD\0\u0001 Straße")]
    public void OddInputFindsNothingAndDoesNotThrow(string text) => Assert.Empty(Find(text));

    [Fact]
    public void GiganticLineIsHandled()
    {
        var text = string.Concat(Enumerable.Repeat("Zyx ", 200_000)) + "Dr. Okonkwo";
        Assert.Contains(("PERSON", "Okonkwo"), Find(text));
    }
}
