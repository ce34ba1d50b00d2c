namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Written dates around a number: day first ("29 March 2017", "29th of March", "Monday 29 Mar") or month
/// first ("March 29, 2017", "Mar. 29th", "March 2017"), with an optional weekday in front.
/// </summary>
internal static class WrittenDates
{
    /// <summary>Matches a written date containing the digit run [<paramref name="s"/>, <paramref name="e"/>).</summary>
    public static (int Start, int End, double Score, string Name) Match(string text, int s, int e)
    {
        var len = e - s;
        var value = DateShapes.Value(text.AsSpan(s, Math.Min(len, 4)));
        // Month first: the word before the number names a month.
        var month = MonthBefore(text, s, out var monthStart);
        if (month > 0)
        {
            if (len <= 2 && DateShapes.IsDay(month, value))
            {
                var end = DateShapes.OrdinalAt(text, e);
                if (char.IsAsciiLetterOrDigit(TextAround.At(text, end))) return default;
                var withYear = YearAfter(text, end, allowComma: true);
                return (WeekdayBefore(text, monthStart), withYear > 0 ? withYear : end, withYear > 0 ? 0.85 : 0.6, withYear > 0 ? "written date (month first)" : "month and day");
            }
            if (len == 4 && DateShapes.IsYear(value) && !char.IsAsciiLetterOrDigit(TextAround.At(text, e)) && !Continues(text, e))
                return (monthStart, e, 0.6, "month and year");
            return default;
        }
        // Day first: the number (with an ordinal) is followed by a month name.
        if (len > 2 || value < 1 || value > 31) return default;
        var p = DateShapes.OrdinalAt(text, e);
        if (char.IsAsciiLetterOrDigit(TextAround.At(text, p))) return default;
        if (TextAround.At(text, p) is not (' ' or '-')) return default;
        p++;
        if (text.AsSpan(p).StartsWith("of ", StringComparison.OrdinalIgnoreCase)) p += 3;
        var wordEnd = p;
        while (wordEnd < text.Length && char.IsAsciiLetter(text[wordEnd]) && wordEnd - p < 10) wordEnd++;
        month = CalendarWords.Month(text.AsSpan(p, wordEnd - p));
        if (month == 0 || !DateShapes.IsDay(month, value) || char.IsLetterOrDigit(TextAround.At(text, wordEnd))) return default;
        if (TextAround.At(text, wordEnd) == '.' && wordEnd - p == 3) wordEnd++;
        var year = YearAfter(text, wordEnd, allowComma: true);
        if (year < 0 && TextAround.At(text, wordEnd) == '-') year = YearAfter(text, wordEnd, allowComma: false, separator: '-');
        var start = WeekdayBefore(text, s);
        return year > 0 ? (start, year, 0.85, "written date (day first)") : (start, wordEnd, 0.6, "day and month");
    }

    /// <summary>The month named by the word just before <paramref name="s"/> (one space, optional '.' after an abbreviation).</summary>
    private static int MonthBefore(string text, int s, out int monthStart)
    {
        monthStart = s;
        var p = s - 1;
        if (TextAround.At(text, p) is not (' ' or '-')) return 0;
        p--;
        if (TextAround.At(text, p) == '.') p--;
        var end = p + 1;
        while (p >= 0 && char.IsAsciiLetter(text[p]) && end - p <= 10) p--;
        if (char.IsLetterOrDigit(TextAround.At(text, p))) return 0;
        var month = CalendarWords.Month(text.AsSpan(p + 1, end - p - 1));
        if (month > 0) monthStart = p + 1;
        return month;
    }

    /// <summary>Reads ", 2017" or " 2017" at <paramref name="i"/>; returns the end, or -1.</summary>
    private static int YearAfter(string text, int i, bool allowComma, char separator = ' ')
    {
        if (allowComma && TextAround.At(text, i) == ',') i++;
        if (TextAround.At(text, i) != separator) return -1;
        var year = DateShapes.Digits(text, i + 1, 4, 4, out var end);
        return DateShapes.IsYear(year) && !char.IsAsciiLetter(TextAround.At(text, end)) && !Continues(text, end) ? end : -1;
    }

    /// <summary>Extends a date's start over a weekday before it ("Monday, ", "Tue ").</summary>
    private static int WeekdayBefore(string text, int start)
    {
        var p = start - 1;
        if (TextAround.At(text, p) != ' ') return start;
        p--;
        if (TextAround.At(text, p) == ',') p--;
        var end = p + 1;
        while (p >= 0 && char.IsAsciiLetter(text[p]) && end - p <= 10) p--;
        return !char.IsLetterOrDigit(TextAround.At(text, p)) && CalendarWords.IsWeekday(text.AsSpan(p + 1, end - p - 1)) ? p + 1 : start;
    }

    private static bool Continues(string text, int end) =>
        TextAround.At(text, end) is '-' or '/' or '.' or ':' && char.IsAsciiDigit(TextAround.At(text, end + 1));
}
