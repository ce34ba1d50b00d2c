namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// The written shape of a phone-number candidate read by <see cref="PhoneScanner"/>: where it is, its digit
/// groups and what joins them.
/// </summary>
internal sealed class PhoneShape
{
    /// <summary>The most digit groups a candidate may have.</summary>
    public const int MaxGroups = 9;

    /// <summary>The first character (a '+', '(' or digit).</summary>
    public int Start { get; set; }

    /// <summary>One past the last character, extension included.</summary>
    public int End { get; set; }

    /// <summary>One past the last digit of the number itself (before any extension).</summary>
    public int NumberEnd { get; set; }

    /// <summary>The number has a leading '+' (or an international prefix 00/011 written as a group).</summary>
    public bool International { get; set; }

    /// <summary>A group was written in parentheses, such as "(07)" or the trunk "(0)".</summary>
    public bool Parentheses { get; set; }

    /// <summary>An extension ("x123", "ext. 12") follows.</summary>
    public bool Extension { get; set; }

    /// <summary>The digits of the number, extension excluded.</summary>
    public int Digits { get; set; }

    /// <summary>The number of digit groups.</summary>
    public int Groups { get; set; }

    /// <summary>The length of each group.</summary>
    public int[] GroupLengths { get; } = new int[MaxGroups];

    /// <summary>The start of each group.</summary>
    public int[] GroupStarts { get; } = new int[MaxGroups];

    /// <summary>Hyphens joined groups.</summary>
    public bool Hyphens { get; set; }

    /// <summary>Dots joined groups.</summary>
    public bool Dots { get; set; }

    /// <summary>Spaces joined groups.</summary>
    public bool Spaces { get; set; }

    /// <summary>A space joined groups after a hyphen, dot or slash had (as in "2017-03-29 14").</summary>
    public bool SpaceAfterOther { get; set; }

    /// <summary>Slashes joined groups.</summary>
    public bool Slashes { get; set; }

    /// <summary>The only separator between groups, or NUL when none or several kinds appear (parentheses aside).</summary>
    public char SoleSeparator => (Hyphens ? 1 : 0) + (Dots ? 1 : 0) + (Spaces ? 1 : 0) + (Slashes ? 1 : 0) != 1 ? '\0'
        : Hyphens ? '-' : Dots ? '.' : Spaces ? ' ' : '/';

    /// <summary>Forgets the previous candidate.</summary>
    public void Reset()
    {
        Start = End = NumberEnd = Digits = Groups = 0;
        International = Parentheses = Extension = Hyphens = Dots = Spaces = Slashes = SpaceAfterOther = false;
    }
}
