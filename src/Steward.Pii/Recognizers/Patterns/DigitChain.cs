namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// A number written in groups: digit runs joined by one separator character each (all the same separator
/// unless the caller allows mixing). Built from <see cref="NumberIndex"/> runs by the grouped-number recognizers.
/// </summary>
internal readonly struct DigitChain
{
    /// <summary>The maximum number of groups a chain records.</summary>
    public const int MaxGroups = 8;

    private DigitChain(int firstRun, int groups, int digits, char separator, int start, int end)
    {
        FirstRun = firstRun;
        Groups = groups;
        Digits = digits;
        Separator = separator;
        Start = start;
        End = end;
    }

    /// <summary>The index of the chain's first run in the index.</summary>
    public int FirstRun { get; }

    /// <summary>The number of digit groups.</summary>
    public int Groups { get; }

    /// <summary>The number of digits.</summary>
    public int Digits { get; }

    /// <summary>The separator between groups, or NUL for one group.</summary>
    public char Separator { get; }

    /// <summary>The first character.</summary>
    public int Start { get; }

    /// <summary>One past the last character.</summary>
    public int End { get; }

    /// <summary>The length of group <paramref name="k"/> in <paramref name="index"/>.</summary>
    public int GroupLength(NumberIndex index, int k) => index.Ends[FirstRun + k] - index.Starts[FirstRun + k];

    /// <summary>
    /// Follows runs from <paramref name="run"/> while one character of <paramref name="separators"/> (the same
    /// one throughout) joins them, up to <paramref name="maxGroups"/> groups. <paramref name="truncated"/> is set
    /// when the number continues beyond what was read (more groups, or more digits after a separator).
    /// </summary>
    public static DigitChain Follow(NumberIndex index, int run, ReadOnlySpan<char> separators, int maxGroups, out bool truncated)
    {
        var text = index.Text;
        var digits = index.Ends[run] - index.Starts[run];
        var groups = 1;
        var separator = '\0';
        var last = run;
        truncated = false;
        while (last + 1 < index.Count)
        {
            var end = index.Ends[last];
            if (index.Starts[last + 1] != end + 1) break;
            var c = text[end];
            if (separators.IndexOf(c) < 0 || (separator != '\0' && c != separator)) break;
            if (groups == maxGroups)
            {
                truncated = true;
                break;
            }
            separator = c;
            last++;
            groups++;
            digits += index.Ends[last] - index.Starts[last];
        }
        return new DigitChain(run, groups, digits, separator, index.Starts[run], index.Ends[last]);
    }

    /// <summary>True when the run at <paramref name="run"/> continues a number to its left (digit, separator, run).</summary>
    public static bool ContinuesLeft(NumberIndex index, int run, ReadOnlySpan<char> separators)
    {
        if (run == 0) return false;
        var start = index.Starts[run];
        return index.Ends[run - 1] == start - 1 && separators.IndexOf(index.Text[start - 1]) >= 0;
    }
}
