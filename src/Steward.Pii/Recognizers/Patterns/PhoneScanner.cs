namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Reads the written form of a phone number from a digit run: an optional '+', digit groups joined by single
/// spaces, hyphens, dots or slashes, groups in parentheses ("(07) 5331 0577", "+44(0)20 ..."), and an optional
/// extension ("x38548", " ext. 12", " #123"). It only reads; <see cref="PhoneNumberRecognizer"/> judges.
/// </summary>
internal static class PhoneScanner
{
    /// <summary>Reads the candidate whose first digit group starts at <paramref name="s"/> into <paramref name="shape"/>; false when none.</summary>
    public static bool Read(string text, int s, PhoneShape shape)
    {
        shape.Reset();
        var start = s;
        // A '(' before the first group opens an area code ("(07) 5331 0577", "(+62) 21 ...") when ')' closes that
        // group; otherwise it wraps the whole number ("(730 237 9764)", "(+90-480-075-74-00)") and is not part of it.
        var runEnd = s;
        while (runEnd < text.Length && char.IsAsciiDigit(text[runEnd])) runEnd++;
        var areaCode = TextAround.At(text, runEnd) == ')' && runEnd - s <= 5;
        if (TextAround.At(text, s - 1) == '(') start -= areaCode ? 1 : 0;
        else if (TextAround.At(text, s - 1) == '+' && TextAround.At(text, s - 2) == '(') start -= areaCode ? 2 : 1;
        if (TextAround.At(text, start - 1) == '+') start--;
        if (char.IsAsciiLetterOrDigit(TextAround.At(text, start - 1)) || TextAround.At(text, start - 1) is '#' or '+' or '$' or '\u20ac' or '\u00a3') return false;
        shape.Start = start;
        var i = start;
        if (text[i] == '+')
        {
            shape.International = true;
            i++;
        }
        while (true)
        {
            if (shape.Groups == PhoneShape.MaxGroups) return false;
            var paren = TextAround.At(text, i) == '(';
            if (paren) i++;
            if (paren && shape.Groups == 0 && TextAround.At(text, i) == '+')
            {
                shape.International = true;
                i++;
            }
            var g = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - g <= 12) i++;
            if (i == g || i - g > 12) return false;
            shape.GroupStarts[shape.Groups] = g;
            shape.GroupLengths[shape.Groups++] = i - g;
            shape.Digits += i - g;
            if (shape.Digits > 17) return false;
            if (paren)
            {
                if (TextAround.At(text, i) != ')' || i - g > 5) return false;
                shape.Parentheses = true;
                i++;
                if (char.IsAsciiDigit(TextAround.At(text, i)) || TextAround.At(text, i) == '(') continue;
                if (TextAround.At(text, i) is ' ' or '-' && (char.IsAsciiDigit(TextAround.At(text, i + 1)) || (TextAround.At(text, i + 1) == '(' && char.IsAsciiDigit(TextAround.At(text, i + 2)))))
                {
                    i++;
                    continue;
                }
                break;
            }
            var c = TextAround.At(text, i);
            if (c == '(' && TextAround.At(text, i + 1) == '0' && TextAround.At(text, i + 2) == ')') continue; // +44(0)...
            if (c is not (' ' or '-' or '.' or '/')) break;
            var n = TextAround.At(text, i + 1);
            if (!char.IsAsciiDigit(n) && !(n == '(' && c == ' ' && char.IsAsciiDigit(TextAround.At(text, i + 2)))) break;
            switch (c)
            {
                case ' ':
                    shape.Spaces = true;
                    shape.SpaceAfterOther |= shape.Hyphens || shape.Dots || shape.Slashes;
                    break;
                case '-': shape.Hyphens = true; break;
                case '.': shape.Dots = true; break;
                default: shape.Slashes = true; break;
            }
            i++;
        }
        shape.NumberEnd = i;
        shape.End = ReadExtension(text, i);
        shape.Extension = shape.End > i;
        return !char.IsAsciiLetterOrDigit(TextAround.At(text, shape.End));
    }

    /// <summary>Reads an extension at <paramref name="i"/>: "x123", " x 123", " ext. 123", " extension 12", " #12".</summary>
    private static int ReadExtension(string text, int i)
    {
        var p = i;
        if (TextAround.At(text, p) == ' ') p++;
        if (TextAround.At(text, p) == ',' && TextAround.At(text, p + 1) == ' ') p += 2;
        var rest = text.AsSpan(Math.Min(p, text.Length));
        int marker;
        if (rest.StartsWith("extension", StringComparison.OrdinalIgnoreCase)) marker = 9;
        else if (rest.StartsWith("poste", StringComparison.OrdinalIgnoreCase)) marker = 5;
        else if (rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase)) marker = 3;
        else if (rest.Length > 0 && rest[0] is 'x' or 'X' or '#') marker = 1;
        else return i;
        p += marker;
        if (TextAround.At(text, p) == '.') p++;
        if (TextAround.At(text, p) is ' ' or ':') p++;
        if (TextAround.At(text, p) == ' ') p++;
        var d = p;
        while (d < text.Length && char.IsAsciiDigit(text[d]) && d - p <= 6) d++;
        return d - p is >= 1 and <= 6 && !char.IsAsciiLetterOrDigit(TextAround.At(text, d)) ? d : i;
    }
}
