using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Extends a street address to the right over the parts of an address block, across commas and line breaks:
/// unit ("Apt. 018", "suite 771"), house or postal numbers, city (gazetteer or proper nouns alone on their line or
/// before a comma), region (name or code), country, and faker's empty value "nan".
/// </summary>
internal static class AddressBlock
{
    private const int MaxParts = 9;
    private const int MaxNewlines = 6;

    /// <summary>Words naming a district before its name: Mexican "Col.", Brazilian "Bairro", Turkish "Mah.".</summary>
    private static readonly WordSet DistrictWords = new("col colonia bairro barrio mah mahalle mahallesi fracc sector ");

    /// <summary>Returns the last token of the block that starts with a street ending at <paramref name="end"/>.</summary>
    public static int ExtendRight(NameScan s, int end)
    {
        var newlines = 0;
        var cities = 0;
        var country = false;
        for (var parts = 0; parts < MaxParts; parts++)
        {
            var next = end + 1;
            if (next >= s.Count || s.Claimed[next]) break;
            if (!GapAllowed(s.GapBefore(next), ref newlines)) break;
            if (country && s.NewlineBefore(next)) break;
            if (s.NewlineBefore(next) && s.Shape(next, Steward.Pii.Text.TokenShape.HasDigit) && NumbersOnLine(s, next) > 2) break;
            var taken = TakePart(s, next, ref cities);
            if (taken < 0 || (taken + 1 < s.Count && s.GapBefore(taken + 1).IndexOf(':') >= 0)) break;
            for (var k = next; k <= taken; k++) country |= s.Has(k, NameFlags.Country) || (s.PhraseFlags[k] & NameFlags.Country) != 0;
            end = taken;
        }
        return end;
    }

    private static bool GapAllowed(ReadOnlySpan<char> gap, ref int newlines)
    {
        var lineBreak = gap.IndexOf('\n') >= 0;
        foreach (var c in gap)
        {
            if (c == '\n') { if (++newlines > MaxNewlines) return false; continue; }
            if (c is ' ' or '\t' or '\r' or ',' or '.' or '(' or ')' or '-' or '/' or '#' or '\u00A0') continue;
            // Bullets and mangled characters at the start of a line ("??? Apt. 018", "• Denmark").
            if (lineBreak && c is '?' or '•' or '*' or '|' or '>' or '\uFFFD' or ';') continue;
            return false;
        }
        return true;
    }

    /// <summary>Digit tokens on the line starting at <paramref name="first"/> (a phone or fax line has many).</summary>
    private static int NumbersOnLine(NameScan s, int first)
    {
        var n = 0;
        for (var k = first; k < s.Count && (k == first || !s.NewlineBefore(k)); k++) if (s.Shape(k, Steward.Pii.Text.TokenShape.HasDigit)) n++;
        return n;
    }

    /// <summary>The last token of the part starting at <paramref name="i"/>, or -1 when no part starts there.</summary>
    private static int TakePart(NameScan s, int i, ref int cities)
    {
        var t = s.Tokens[i];
        if (AddressRules.LabelledNumber(s, i)) return i + 1;
        if (DistrictWords.Contains(s.Word(i)) && i + 1 < s.Count && !s.NewlineBefore(i + 1) && s.CapLike(i + 1) && !s.Claimed[i + 1])
        {
            var d = i + 1;
            while (d + 1 < s.Count && d - i < 3 && s.SpaceBefore(d + 1) && s.CapLike(d + 1) && !s.Claimed[d + 1]) d++;
            return d;
        }
        if (s.Has(i, NameFlags.Unit) && !s.Has(i, NameFlags.AnyName))
        {
            var j = i + 1;
            if (j < s.Count && !s.Claimed[j] && s.Tokens[j].Length <= 6 && (s.Shape(j, TokenShape.HasDigit) || s.Tokens[j].Length == 1) && !s.NewlineBefore(j)) return j;
            // "6 OG", "3 hoog achter", "4 étage": a unit word closing its line.
            return j >= s.Count || s.NewlineBefore(j) || s.GapBefore(j).IndexOf(',') >= 0 || s.Has(j, NameFlags.Unit) ? i : -1;
        }
        if (t.Is(TokenShape.HasDigit))
        {
            if (t.Length > 10 || !char.IsAsciiDigit(s.Text[t.Start]) && t.Length > 4) return -1;
            // "SW1A 1AA", "K1A 0B1": two short alphanumeric groups.
            if (!t.Is(TokenShape.AllDigits) && i + 1 < s.Count && s.Shape(i + 1, TokenShape.HasDigit) && s.Tokens[i + 1].Length <= 4 && s.SpaceBefore(i + 1)) return i + 1;
            return i;
        }
        if (s.IsWord(i, "nan")) return i;
        // "379 i", "12 B": a one-letter addition right after a house number.
        if (t.Length == 1 && i > 0 && s.Shape(i - 1, TokenShape.HasDigit) && s.SpaceBefore(i)) return i;
        var phrase = s.PhraseLength[i];
        if (phrase > 0 && (s.PhraseFlags[i] & (NameFlags.AnyPlace | NameFlags.RegionAbbreviation)) != 0 && s.CapLike(i)) return i + phrase - 1;
        var wordFollows = i + 1 < s.Count && s.SpaceBefore(i + 1) && s.CapLike(i + 1) && !s.Shape(i + 1, TokenShape.HasDigit);
        if (s.Has(i, NameFlags.Country | NameFlags.Region) && s.CapLike(i) && !wordFollows) return i;
        if (t.Is(TokenShape.AllUpper) && t.Length <= 3 && !s.NoCase) return i;
        // A region code before a postal code: "th 77534", "SN 02165".
        if (t.Length <= 3 && !t.Is(TokenShape.HasDigit) && i + 1 < s.Count && s.Shape(i + 1, TokenShape.HasDigit) && !s.NewlineBefore(i + 1) && s.GapBefore(i).IndexOf(',') >= 0) return i;
        if (s.Has(i, NameFlags.RegionAbbreviation) && t.Length <= 3 && s.Shape(i, TokenShape.AllUpper)) return i;
        // "Reiber Layout", "Magar Close": a street line inside the block.
        if (s.CapLike(i) && !s.Has(i, NameFlags.Common) && i + 1 < s.Count && s.SpaceBefore(i + 1) && s.CapLike(i + 1) && !s.Claimed[i + 1]
            && (s.Has(i + 1, NameFlags.StreetType) || AddressRules.ExtraSuffixTypes.Contains(s.Word(i + 1)))) return i + 1;
        if (cities >= 2) return -1;
        var last = CityWords(s, i);
        if (last < 0) return -1;
        cities++;
        return last;
    }

    /// <summary>One to three proper nouns that stand as a city: alone on their line, or before a comma, region, code or country.</summary>
    private static int CityWords(NameScan s, int i)
    {
        var j = i;
        var known = false;
        while (j < s.Count && j - i < 4 && (j == i || !s.NewlineBefore(j)) && !s.Claimed[j])
        {
            if (j > i && s.GapBefore(j).IndexOfAny(',', '(') >= 0) break;
            if (!s.CapLike(j) && !(j > i && AddressRules.IsConnector(s, j))) break;
            if (s.Has(j, NameFlags.Title | NameFlags.Calendar | NameFlags.Unit) && !s.Has(j, NameFlags.AnyPlace)) break;
            if (s.Has(j, NameFlags.Common) && !s.Has(j, NameFlags.AnyPlace) && (s.NoCase || !s.Shape(j, TokenShape.AllUpper)) && !AddressRules.IsConnector(s, j)) break;
            known |= s.Has(j, NameFlags.AnyPlace);
            j++;
        }
        var last = j - 1;
        while (last > i && AddressRules.IsConnector(s, last)) last--;
        if (last < i) return -1;
        last = PlaceSuffixes.Extend(s, last);
        // After a comma on the street's line, proper nouns are the town whatever follows ("..., Shapelrin for ten years").
        if (s.GapBefore(i).IndexOf(',') >= 0 && !s.NewlineBefore(i) && last - i < 3) return last;
        if (s.NoCase && !known && !(j >= s.Count || s.NewlineBefore(j) || s.GapBefore(j).IndexOf(',') >= 0)) return -1;
        // What follows must close the city: end of text, a line break, a comma, or another address part.
        var after = last + 1;
        if (after < s.Count && !s.NewlineBefore(after) && s.GapBefore(after).IndexOfAny(',', '(') < 0)
        {
            var closes = s.Shape(after, TokenShape.HasDigit) || s.Has(after, NameFlags.Country | NameFlags.Region | NameFlags.RegionAbbreviation)
                || (s.Shape(after, TokenShape.AllUpper) && s.Tokens[after].Length <= 3) || s.IsWord(after, "nan");
            if (!closes && !known) return -1;
        }
        return last;
    }
}
