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

    [Theory]
    [InlineData("O'Brien met Hubbard-Thomas at 10:30, in Ústí nad Labem; it's -x")]
    [InlineData("ǅemal ÉLODIE straße İstanbul ٣٤٥ A1b2 x'y’Z DR. d'Arc Ⅻ ǈ 9-a a-9")]
    [InlineData("kasia.612@example.com +1 617-334-3363 2026-03-22 512.92 ΑΒΓ αβγ 東京")]
    public void Tokenize_GivesEachTokenTheShapeOfItsText(string text)
    {
        // The tokenizer counts shapes on the way; ShapeOf is the reference.
        foreach (var token in Tokenizer.Tokenize(text))
            Assert.Equal(Tokenizer.ShapeOf(text.AsSpan(token.Start, token.Length)), token.Shape);
    }

    [Fact]
    public void OddInput_DoesNotThrow()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Single(Tokenizer.Tokenize("\0\uD800abc\uFFFF"));
    }
}
