namespace Steward.Pii.Recognizers.Patterns;

/// <summary>Parsers for the numeric parts of dates and times, each validating its ranges.</summary>
internal static class DateShapes
{
    /// <summary>The value of a short all-digit span (no sign, at most 9 digits), or -1.</summary>
    public static int Value(ReadOnlySpan<char> digits)
    {
        if (digits.Length is 0 or > 9) return -1;
        var v = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /// <summary>True when day <paramref name="d"/> of month <paramref name="m"/> can exist.</summary>
    public static bool IsDay(int m, int d) => m is >= 1 and <= 12 && d >= 1 && d <= CalendarWords.MaxDay(m);

    /// <summary>True for a plausible year of a written date.</summary>
    public static bool IsYear(int y) => y is >= 1000 and <= 2999;

    /// <summary>
    /// Reads a time at <paramref name="i"/>: H:MM, H:MM:SS, optional fraction, optional zone (Z or +hh:mm) and
    /// optional am/pm. Returns the end, or -1.
    /// </summary>
    public static int TimeAt(string text, int i)
    {
        var h = Digits(text, i, 1, 2, out var p);
        if (h < 0 || h > 23 || TextAround.At(text, p) != ':') return -1;
        var m = Digits(text, p + 1, 2, 2, out p);
        if (m is < 0 or > 59) return -1;
        if (TextAround.At(text, p) == ':')
        {
            var sec = Digits(text, p + 1, 2, 2, out var q);
            if (sec is < 0 or > 60) return -1;
            p = q;
            if (TextAround.At(text, p) is '.' or ',' && char.IsAsciiDigit(TextAround.At(text, p + 1)))
            {
                p++;
                while (p < text.Length && char.IsAsciiDigit(text[p]) && p - i < 32) p++;
            }
        }
        if (TextAround.At(text, p) == 'Z' && !char.IsAsciiLetterOrDigit(TextAround.At(text, p + 1))) p++;
        else if (TextAround.At(text, p) is '+' or '-' && Digits(text, p + 1, 2, 2, out var z) is >= 0 and <= 14)
        {
            if (TextAround.At(text, z) == ':' && Digits(text, z + 1, 2, 2, out var z2) >= 0) p = z2;
            else if (Digits(text, z, 2, 2, out var z3) >= 0) p = z3;
            else p = z;
        }
        var ampm = AmPmAt(text, p);
        if (ampm > 0 && h <= 12) p = ampm;
        if (char.IsAsciiLetterOrDigit(TextAround.At(text, p)) || (TextAround.At(text, p) == ':' && char.IsAsciiHexDigit(TextAround.At(text, p + 1)))) return -1;
        return p;
    }

    /// <summary>Reads an optional space and am, pm, a.m. or p.m. at <paramref name="i"/>; returns the end, or -1.</summary>
    public static int AmPmAt(string text, int i)
    {
        if (TextAround.At(text, i) == ' ') i++;
        var c = char.ToLowerInvariant(TextAround.At(text, i));
        if (c is not ('a' or 'p')) return -1;
        var n = char.ToLowerInvariant(TextAround.At(text, i + 1));
        if (n == 'm' && !char.IsAsciiLetterOrDigit(TextAround.At(text, i + 2))) return i + 2;
        if (n == '.' && char.ToLowerInvariant(TextAround.At(text, i + 2)) == 'm' && TextAround.At(text, i + 3) == '.') return i + 4;
        return -1;
    }

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> digits at <paramref name="i"/> (no more follow); -1 otherwise.</summary>
    public static int Digits(string text, int i, int min, int max, out int end)
    {
        end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end]) && end - i <= max) end++;
        var n = end - i;
        return n < min || n > max ? -1 : Value(text.AsSpan(i, n));
    }

    /// <summary>Reads an English ordinal suffix (st, nd, rd, th) at <paramref name="i"/>; returns the end (i when absent).</summary>
    public static int OrdinalAt(string text, int i)
    {
        if (i + 2 > text.Length) return i;
        var suffix = text.AsSpan(i, 2);
        var ok = suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
        return ok && !char.IsAsciiLetterOrDigit(TextAround.At(text, i + 2)) ? i + 2 : i;
    }
}
