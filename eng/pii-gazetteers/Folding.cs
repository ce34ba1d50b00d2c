using System.Globalization;
using System.Text;

/// <summary>
/// Case and diacritic folding, computed here once with the ICU-backed normaliser and shipped as a table, so the
/// engine (which runs with invariant globalization) folds text exactly as the gazetteer was folded.
/// </summary>
internal static class Folding
{
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss", ['ẞ'] = "ss", ['ø'] = "o", ['Ø'] = "o", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe",
        ['ł'] = "l", ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['ð'] = "d", ['Ð'] = "d", ['þ'] = "th", ['Þ'] = "th",
        ['ı'] = "i", ['ħ'] = "h", ['Ħ'] = "h", ['ŀ'] = "l", ['Ŀ'] = "l", ['ς'] = "σ", ['’'] = "'", ['‘'] = "'",
    };

    /// <summary>Folding of every non-ASCII character in the Latin, Greek and Cyrillic blocks that changes.</summary>
    public static Dictionary<char, string> BuildTable()
    {
        var table = new Dictionary<char, string>();
        foreach (var (from, to) in new[] { (0x00A0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x1E00, 0x1EFF), (0x2018, 0x2019) })
        {
            for (var c = (char)from; c <= to; c++)
            {
                var folded = FoldChar(c);
                if (folded != c.ToString()) table[c] = folded;
            }
        }
        return table;
    }

    private static string FoldChar(char c)
    {
        if (Special.TryGetValue(c, out var special)) return special;
        if (!char.IsLetter(c)) return c.ToString();
        var sb = new StringBuilder();
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            sb.Append(char.ToLowerInvariant(d));
        }
        return sb.Length == 0 ? c.ToString() : sb.ToString();
    }

    /// <summary>Folds a term: table or lower-case per character, runs of white space to one space.</summary>
    public static string Fold(string text, Dictionary<char, string> table)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            if (c < 128) sb.Append(char.ToLowerInvariant(c));
            else if (table.TryGetValue(c, out var f)) sb.Append(f);
            else sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Trim();
    }
}
