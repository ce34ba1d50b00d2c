using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

public sealed class WordSetTests
{
    // The set rules words out by length and first/last character before its hash look-up: members of every shape
    // (non-ASCII at either end, one character, long) must still be found, and near misses must not.
    private static readonly WordSet Set = new("dr mrs é ésta straße über x unbelievablylongwordthatisstillaword");

    [Theory]
    [InlineData("dr")]
    [InlineData("mrs")]
    [InlineData("é")]
    [InlineData("ésta")]
    [InlineData("straße")]
    [InlineData("über")]
    [InlineData("x")]
    [InlineData("unbelievablylongwordthatisstillaword")]
    public void Members_AreFound(string word) => Assert.True(Set.Contains(word));

    [Theory]
    [InlineData("")]
    [InlineData("dR")]
    [InlineData("mr")]
    [InlineData("mrx")]
    [InlineData("xrs")]
    [InlineData("esta")]
    [InlineData("strasse")]
    [InlineData("uber")]
    [InlineData("y")]
    [InlineData("unbelievablylongwordthatisstillawore")]
    public void NearMisses_AreNot(string word) => Assert.False(Set.Contains(word));
}
