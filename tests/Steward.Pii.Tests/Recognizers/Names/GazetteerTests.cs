using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

public sealed class GazetteerTests
{
    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("ÚSTÍ", "usti")]
    [InlineData("Thâalbi", "thaalbi")]
    [InlineData("Łódź", "lodz")]
    [InlineData("ΑΓΛΑΝΤΖΙΑ", "αγλαντζια")]
    [InlineData("O’Brien", "o'brien")]
    [InlineData("Søren", "soren")]
    public void FoldsCaseAndDiacritics(string text, string folded) => Assert.Equal(folded, TextFold.Default.Fold(text));

    [Fact]
    public void LooksUpWordsWhateverTheirCaseOrAccents()
    {
        var g = new Gazetteer([("Zürich", NameFlags.City), ("zurich", NameFlags.BigCity), ("Ústí nad Labem", NameFlags.City), ("-straat", NameFlags.StreetWord)], TextFold.Default);
        Assert.Equal(NameFlags.City | NameFlags.BigCity, g.Lookup(TextFold.Default.Fold("ZURICH")).Flags);
        Assert.Equal(NameFlags.None, g.Lookup("bern").Flags);
        Assert.Equal(1, g.PhraseCount);
        Assert.Equal(NameFlags.StreetWord, g.Endings("nassaustraat"));
        Assert.Equal(NameFlags.None, g.Endings("straat"));
    }

    [Fact]
    public void MatchesMultiWordEntriesOverTokenIds()
    {
        var g = new Gazetteer([("Ústí nad Labem", NameFlags.City), ("nad", NameFlags.None), ("New York", NameFlags.Region), ("New York City", NameFlags.BigCity)], TextFold.Default);
        int Id(string w) => g.Lookup(TextFold.Default.Fold(w)).Id;
        int[] ids = [Id("USTI"), Id("nad"), Id("labem"), -1, Id("new"), Id("YORK"), Id("city")];
        var found = new List<(int Start, int Length, NameFlags Flags)>();
        g.MatchPhrases(ids, ref found, (ref List<(int, int, NameFlags)> list, int start, int length, int value) => list.Add((start, length, g.PhraseFlags(value))));
        Assert.Equal([(0, 3, NameFlags.City), (4, 2, NameFlags.Region), (4, 3, NameFlags.BigCity)], found);
    }

    [Fact]
    public void ShippedDataLoadsWithEveryList()
    {
        var g = Gazetteer.Default;
        Assert.True(g.WordCount > 100_000);
        Assert.True(g.PhraseCount > 10_000);
        foreach (var (word, flag) in new[] { ("maria", NameFlags.FirstName), ("kowalski", NameFlags.LastName), ("nairobi", NameFlags.BigCity),
                     ("peru", NameFlags.Country), ("buddhist", NameFlags.Religion), ("kenyan", NameFlags.Nationality), ("gmbh", NameFlags.OrgSuffix),
                     ("strasse", NameFlags.StreetType), ("suite", NameFlags.Unit), ("mrs", NameFlags.Title), ("june", NameFlags.Calendar), ("wisdom", NameFlags.Common) })
            Assert.True((g.Lookup(word).Flags & flag) != 0, word);
    }
}
