using System.Buffers;

namespace Steward.Pii;

/// <summary>
/// What a text must contain for a recognizer to find anything in it (<see cref="Recognizer.Needs"/>). The engine
/// looks at each text once and skips the recognizers it cannot feed: a dataset's amounts and dates run no name rules,
/// its names and notes none of the fifteen recognizers built on digit runs.
/// </summary>
[Flags]
internal enum TextNeeds
{
    /// <summary>Runs on every text.</summary>
    None = 0,

    /// <summary>An ASCII digit: the recognizer only reports at digit runs (<c>NumberIndex</c>).</summary>
    Digit = 1,

    /// <summary>A letter (or any non-ASCII character, which may be one): the recognizer only reports words with letters.</summary>
    Letter = 2,
}

/// <summary>Finds which <see cref="TextNeeds"/> a text meets.</summary>
internal static class TextTraits
{
    // Everything ASCII that is not a letter: a text holding any other character may hold a letter.
    private static readonly SearchValues<char> AsciiNonLetters = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetter(c))));

    /// <summary>The needs <paramref name="text"/> meets (two vectorised scans).</summary>
    public static TextNeeds Of(ReadOnlySpan<char> text)
    {
        var met = TextNeeds.None;
        if (text.IndexOfAnyInRange('0', '9') >= 0) met |= TextNeeds.Digit;
        if (text.IndexOfAnyExcept(AsciiNonLetters) >= 0) met |= TextNeeds.Letter;
        return met;
    }
}
