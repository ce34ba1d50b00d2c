namespace Steward.Pii.Text;

/// <summary>What a token looks like, as bit flags.</summary>
[Flags]
public enum TokenShape : byte
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Contains at least one letter.</summary>
    HasLetter = 1,
    /// <summary>Contains at least one digit.</summary>
    HasDigit = 2,
    /// <summary>Starts with an upper-case letter.</summary>
    Capitalized = 4,
    /// <summary>Has at least two letters and all of them are upper case.</summary>
    AllUpper = 8,
    /// <summary>All letters are lower case.</summary>
    AllLower = 16,
    /// <summary>Only digits.</summary>
    AllDigits = 32,
}

/// <summary>A word token: a run of letters and digits, with apostrophes and hyphens kept inside it.</summary>
/// <param name="Start">The first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Shape">What it looks like.</param>
public readonly record struct Token(int Start, int Length, TokenShape Shape)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>True when the token has the given flag.</summary>
    public bool Is(TokenShape flag) => (Shape & flag) == flag;
}
