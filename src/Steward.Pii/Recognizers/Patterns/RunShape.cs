namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// What touches a digit run, computed once by <see cref="NumberIndex"/> so each recognizer can skip runs that
/// cannot start its entity with one load and a mask.
/// </summary>
[Flags]
internal enum RunShape : byte
{
    /// <summary>Nothing notable around the run.</summary>
    None = 0,

    /// <summary>An ASCII letter right before the run ("AB1234", "v2").</summary>
    LetterBefore = 1,

    /// <summary>An ASCII letter right after the run ("2pm", "1A", "15th").</summary>
    LetterAfter = 2,

    /// <summary>A space, hyphen, dot or slash after the run and then a digit: the number goes on.</summary>
    JoinsRight = 4,

    /// <summary>A colon right after the run (times, IPv6, MAC).</summary>
    ColonAfter = 8,

    /// <summary>A hyphen, dot, slash, colon or comma before the run, and a digit before that.</summary>
    ContinuesLeft = 16,

    /// <summary>A '(' or '+' right before the run, or a ')' right after it (phone numbers).</summary>
    Bracketed = 32,

    /// <summary>A ':', '-' or '.' on either side of the run (MAC, IP).</summary>
    Punctuated = 64,

    /// <summary>A space and then a letter on either side ("March 29", "29 March", "2 pm", "AB 12").</summary>
    WordNearby = 128,
}
