using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>
/// <see cref="NumberIndex.ShapeOf"/> computes the run flags with shifts and masks; these tests hold it to the flags'
/// definitions, written out plainly, on every run of many random texts.
/// </summary>
public sealed class RunShapeTests
{
    private const string Alphabet = "0123456789aZ -./:,(+)#\u00e9\n";

    [Fact]
    public void ShapeOf_AgreesWithTheFlagDefinitions_OnRandomText()
    {
        var random = new Random(1203);
        for (var n = 0; n < 4000; n++)
        {
            var chars = new char[1 + random.Next(12)];
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars);
            var index = NumberIndex.Build(text);
            for (var r = 0; r < index.Count; r++)
                Assert.True(Reference(text, index.Starts[r], index.Ends[r]) == index.Shapes[r], $"'{text}' run {r}: {index.Shapes[r]} vs {Reference(text, index.Starts[r], index.Ends[r])}");
        }
    }

    [Theory]
    [InlineData("v2", 1, (int)(RunShape.LetterBefore))]
    [InlineData("2pm", 0, (int)(RunShape.LetterAfter))]
    [InlineData("10.0", 0, (int)(RunShape.JoinsRight | RunShape.Punctuated))]
    [InlineData("14:48", 0, (int)(RunShape.ColonAfter | RunShape.Punctuated))]
    [InlineData("1-2", 2, (int)(RunShape.ContinuesLeft | RunShape.Punctuated))]
    [InlineData("(07)", 1, (int)(RunShape.Bracketed))]
    [InlineData("+44", 1, (int)(RunShape.Bracketed))]
    [InlineData("March 29", 6, (int)(RunShape.WordNearby))]
    [InlineData("29 March", 0, (int)(RunShape.WordNearby))]
    [InlineData("Mar. 29", 5, (int)(RunShape.WordNearby))]
    [InlineData("é1é", 1, (int)(RunShape.None))]
    public void ShapeOf_SetsTheDocumentedFlags(string text, int start, int expected)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        Assert.Equal((RunShape)expected, NumberIndex.ShapeOf(text, start, end));
    }

    /// <summary>The flags as <see cref="RunShape"/> documents them.</summary>
    private static RunShape Reference(string text, int s, int e)
    {
        char At(int i) => i >= 0 && i < text.Length ? text[i] : '\0';
        char b = At(s - 1), a = At(e), bp = At(s - 2), an = At(e + 1);
        var shape = RunShape.None;
        if (char.IsAsciiLetter(b)) shape |= RunShape.LetterBefore;
        if (char.IsAsciiLetter(a)) shape |= RunShape.LetterAfter;
        if (a is ' ' or '-' or '.' or '/' && char.IsAsciiDigit(an)) shape |= RunShape.JoinsRight;
        if (a == ':') shape |= RunShape.ColonAfter;
        if (b is '-' or '.' or '/' or ':' or ',' && char.IsAsciiDigit(bp)) shape |= RunShape.ContinuesLeft;
        if (b is '(' or '+' || a == ')') shape |= RunShape.Bracketed;
        if (a is ':' or '-' or '.' || b is ':' or '-' or '.') shape |= RunShape.Punctuated;
        if ((a == ' ' && char.IsAsciiLetter(an)) || (b == ' ' && (char.IsAsciiLetter(bp) || bp == '.'))) shape |= RunShape.WordNearby;
        return shape;
    }
}
