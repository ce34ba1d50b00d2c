using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

public sealed class ChecksumsTests
{
    [Theory]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("4111-1111-1111-1111", true)]
    public void Luhn(string value, bool valid) => Assert.Equal(valid, Checksums.Luhn(value));

    [Theory]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("GB82west12345698765432", false)]
    [InlineData("GB8", false)]
    public void IbanMod97(string value, bool valid) => Assert.Equal(valid, Checksums.IbanMod97(value));

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("123456789", false)]
    public void NhsMod11(string value, bool valid) => Assert.Equal(valid, Checksums.NhsMod11(value));

    [Theory]
    [InlineData("1234563", true)]
    [InlineData("1234567", false)]
    public void Dea(string value, bool valid) => Assert.Equal(valid, Checksums.Dea(value));

    [Theory]
    [InlineData("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", true)]
    [InlineData("1BoatSLRHtKNngkdXEeobR76b53LETtpyU", false)]
    [InlineData("0OIl", false)]
    public void Base58(string value, bool valid) => Assert.Equal(valid, Base58Check.IsValidAddress(value));

    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", true)]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", true)]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", true)]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", false)] // bech32m checksum on a v0 program
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", false)] // bech32 checksum on v1
    public void Bech32(string value, bool valid) => Assert.Equal(valid, Steward.Pii.Recognizers.Patterns.Bech32.IsValidAddress(value));
}
