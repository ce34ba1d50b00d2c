using System.Globalization;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Uncased BERT's accent stripping (NFD, then dropping non-spacing marks) without ICU: the server runs with
/// invariant globalization, where <see cref="string.Normalize()"/> does not decompose. Precomposed letters of
/// Latin-1 and Latin Extended-A fold to their base letter (letters NFD keeps whole, such as ø, æ, ł and ß, stay),
/// and combining marks are dropped. Other scripts' precomposed letters stay as they are.
/// </summary>
internal static class AccentFolding
{
    // Base letters of U+00C0..U+017F by code point; '\0' where NFD does not decompose the letter.
    private const string Latin =
        "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y" +
        "AaAaAaCcCcCcCcDd\0\0EeEeEeEeEeGgGgGgGgHh\0\0IiIiIiIiI\0\0\0Jj" +
        "Kk\0LlLlLl\0\0\0\0NnNnNn\0\0\0OoOoOo\0\0RrRrRrSsSsSsSsTtTt\0\0UuUuUuUuUuUuWwYyYZzZzZz\0";

    /// <summary>The character <paramref name="c"/> stands for after stripping; '\0' when it is dropped.</summary>
    public static char Fold(char c)
    {
        if (c < 0xC0) return c;
        if (c <= 0x17F)
        {
            var folded = Latin[c - 0xC0];
            return folded == '\0' ? c : folded;
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? '\0' : c;
    }
}
