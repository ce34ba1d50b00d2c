namespace Steward.Pii.Text;

/// <summary>
/// Splits text into word tokens in one pass: a token is a run of letters, digits and combining marks; an
/// apostrophe (' or ’) or hyphen between two letters stays inside it ("O'Brien", "Hubbard-Thomas").
/// Everything else separates tokens.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    public static Token[] Tokenize(string text) => Tokenize(text, null);

    /// <summary>
    /// Tokenizes <paramref name="text"/> into an array of exactly the token count, taken from
    /// <paramref name="bySize"/> (index = length) when it has room for that size: the engine's reused context
    /// hands out the same array for every text of that many tokens (a dataset cell has a handful), so tokenizing
    /// a cell allocates nothing. Such an array is valid until the context's next text.
    /// </summary>
    internal static Token[] Tokenize(string text, Token[]?[]? bySize)
    {
        // One growing list per thread: the answer is one exact-size array, with no list growth per text.
        var tokens = t_tokens ??= new List<Token>(256);
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c)) { i++; continue; }
            // The token's shape is counted on the way (one pass, ASCII without table look-ups); apostrophes and
            // hyphens inside it are neither letters nor digits, as in ShapeOf.
            var start = i;
            int letters = 0, upper = 0, lower = 0, digits = 0;
            while (true)
            {
                if (c < 128)
                {
                    if (char.IsAsciiDigit(c)) digits++;
                    else if (char.IsAsciiLetter(c))
                    {
                        letters++;
                        if (c <= 'Z') upper++;
                        else lower++;
                    }
                }
                else if (char.IsDigit(c)) digits++;
                else if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c)) upper++;
                    else if (char.IsLower(c)) lower++;
                }
                if (++i >= text.Length) break;
                c = text[i];
                if (IsWordChar(c)) continue;
                if ((c == '\'' || c == '\u2019' || c == '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
                {
                    c = text[++i];
                    continue;
                }
                break;
            }
            tokens.Add(new Token(start, i - start, Shape(i - start, letters, upper, lower, digits, char.IsUpper(text[start]))));
        }
        Token[] result;
        if (tokens.Count == 0) result = [];
        else if (bySize is not null && tokens.Count < bySize.Length)
        {
            result = bySize[tokens.Count] ??= new Token[tokens.Count];
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens).CopyTo(result);
        }
        else result = tokens.ToArray();
        if (tokens.Capacity > 1 << 16) t_tokens = null; // a huge text's list is not kept
        return result;
    }

    [ThreadStatic]
    private static List<Token>? t_tokens;

    /// <summary>True for letters, digits and combining marks.</summary>
    public static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark));

    /// <summary>Computes the shape flags of one token.</summary>
    public static TokenShape ShapeOf(ReadOnlySpan<char> token)
    {
        int letters = 0, upper = 0, lower = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsDigit(c)) digits++;
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
                else if (char.IsLower(c)) lower++;
            }
        }
        return Shape(token.Length, letters, upper, lower, digits, token.Length > 0 && char.IsUpper(token[0]));
    }

    private static TokenShape Shape(int length, int letters, int upper, int lower, int digits, bool capitalized)
    {
        var shape = TokenShape.None;
        if (letters > 0) shape |= TokenShape.HasLetter;
        if (digits > 0) shape |= TokenShape.HasDigit;
        if (digits == length) shape |= TokenShape.AllDigits;
        if (capitalized) shape |= TokenShape.Capitalized;
        if (letters >= 2 && upper == letters) shape |= TokenShape.AllUpper;
        if (letters > 0 && lower == letters) shape |= TokenShape.AllLower;
        return shape;
    }
}
