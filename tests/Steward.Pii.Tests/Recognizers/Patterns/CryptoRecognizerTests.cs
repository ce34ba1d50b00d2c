namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class CryptoRecognizerTests
{
    private static readonly Recognizer Recognizer = PatternKit.Get("CryptoRecognizer");

    [Theory]
    [InlineData("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "base58check")] // P2PKH
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "base58check")] // P2SH
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bech32")] // P2WPKH (BIP-173)
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bech32")] // upper case (BIP-173 test vector)
    [InlineData("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", "bech32m")] // taproot (BIP-350)
    public void Finds_AddressesWithValidChecksums(string address, string kind)
    {
        var text = $"send it to {address} today";
        var result = PatternKit.Single(Recognizer, text, address);
        Assert.Equal(1.0, result.Score);
        Assert.Contains(kind, result.Explanation.PatternName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1BoatSLRHtKNngkdXEeobR76b53LETtpyX")] // last character changed
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx")] // bech32 checksum broken
    [InlineData("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298")]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdqQ")] // mixed case
    public void Ignores_BrokenAddresses(string address) => Assert.Empty(PatternKit.Found(Recognizer, $"to {address} now"));
}
