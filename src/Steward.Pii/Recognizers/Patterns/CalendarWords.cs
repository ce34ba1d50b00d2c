namespace Steward.Pii.Recognizers.Patterns;

/// <summary>English month and weekday names (full and abbreviated) for the written-date scanner.</summary>
internal static class CalendarWords
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>
    /// The month (1-12) named by <paramref name="word"/>: a full name or a three-letter abbreviation (or "Sept"),
    /// capitalised or upper case; lower case only for words that are not also ordinary English ("may", "march", "mar").
    /// </summary>
    public static int Month(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 9 || !"JFMASONDjfmasond".Contains(word[0])) return 0;
        var lower = char.IsAsciiLetterLower(word[0]);
        for (var m = 0; m < 12; m++)
        {
            var name = Months[m];
            if (name[0] != (char)(word[0] | 0x20)) continue; // word[0] is an ASCII letter (checked above)
            var full = word.Equals(name, StringComparison.OrdinalIgnoreCase);
            var abbreviated = !full && (word.Length == 3 || (m == 8 && word.Length == 4)) && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase);
            if (!full && !abbreviated) continue;
            if (lower && (m == 4 || m == 2)) return 0;
            if (!lower && !IsCapitalised(word)) return 0;
            return m + 1;
        }
        return 0;
    }

    /// <summary>True when <paramref name="word"/> is a weekday name (full or three letters), capitalised or lower case.</summary>
    public static bool IsWeekday(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 9 || !"MTWFSmtwfs".Contains(word[0])) return false;
        foreach (var name in Weekdays)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase) || (word.Length == 3 && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                return char.IsAsciiLetterLower(word[0]) || IsCapitalised(word);
        }
        return false;
    }

    /// <summary>The number of days month <paramref name="month"/> can have (February 29).</summary>
    public static int MaxDay(int month) => month switch { 2 => 29, 4 or 6 or 9 or 11 => 30, _ => 31 };

    private static bool IsCapitalised(ReadOnlySpan<char> word) =>
        char.IsAsciiLetterUpper(word[0]) && (!word[1..].ContainsAnyInRange('A', 'Z') || !word[1..].ContainsAnyInRange('a', 'z'));
}
