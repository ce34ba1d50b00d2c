using Steward.Pii.Text;

namespace Steward.Pii.Tests;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokens_KeepInnerApostrophesAndHyphens()
    {
        const string text = "O'Brien met Hubbard-Thomas at 10:30, in Ústí nad Labem; it's -x";
        var words = Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();
        Assert.Equal(["O'Brien", "met", "Hubbard-Thomas", "at", "10", "30", "in", "Ústí", "nad", "Labem", "it's", "x"], words);
    }

    [Theory]
    [InlineData("Smith", TokenShape.HasLetter | TokenShape.Capitalized)]
    [InlineData("SMITH", TokenShape.HasLetter | TokenShape.Capitalized | TokenShape.AllUpper)]
    [InlineData("smith", TokenShape.HasLetter | TokenShape.AllLower)]
    [InlineData("12345", TokenShape.HasDigit | TokenShape.AllDigits)]
    [InlineData("A1", TokenShape.HasLetter | TokenShape.HasDigit | TokenShape.Capitalized)]
    public void Shape(string token, TokenShape expected) => Assert.Equal(expected, Tokenizer.ShapeOf(token));

    [Fact]
    public void OddInput_DoesNotThrow()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Single(Tokenizer.Tokenize("\0\uD800abc\uFFFF"));
    }
}
