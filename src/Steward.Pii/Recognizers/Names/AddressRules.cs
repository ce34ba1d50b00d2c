using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Street addresses as one LOCATION span per address block: an anchor (house number + street words + street type
/// in either order, a one-word street name such as "Nassaustraat 123", or number + proper nouns + number), extended
/// left over extra house numbers and right over unit, city, region, postal code and country, across line breaks.
/// </summary>
internal static class AddressRules
{
    /// <summary>Street types written before the street's name ("Rue Abdelaziz Thâalbi", "Via Roma").</summary>
    internal static readonly WordSet PrefixTypes = new(
        "rue via viale piazza piazzale vicolo corso largo strada calle carrera carretera camino paseo plaza " +
        "avenida avda av rua travessa praca estrada alameda rodovia ulica ul aleja al plac osiedle os chemin allee " +
        "strada aleea intrarea calea bulevardul soseaua splaiul piata ladeira senda ronda contrada localita frazione " +
        "impasse quai boulevard bd avenue place route cours passage πλατεια οδος λεωφορος οδ улица ул " +
        "проспект переулок площадь шоссе бульвар ");

    /// <summary>Street types that make a street name even without a house number ("Whittaker Street").</summary>
    private static readonly WordSet StrongTypes = new(
        "street road avenue lane boulevard blvd drive strasse crescent terrace parkway highway straat gasse ");

    /// <summary>Small words inside street and place names.</summary>
    internal static readonly WordSet Connectors = new(
        "de del della di da do dos das du des la le les van von der den het el al y e of the nad pod na am " +
        "an im sur sous en ");

    private static readonly WordSet PostalCues = new(
        "zip zipcode postcode postal plz cep ");

    private static readonly WordSet Directions = new(
        "n s e w ne nw se sw ");

    /// <summary>Street types the gazetteer lacks, used after the name: Turkish "Sok."/"Cad.", Indian "Marg"/"Layout"/"Nagar".</summary>
    internal static readonly WordSet ExtraSuffixTypes = new("sok sk cad cd marg layout nagar colony salai chowk ");

    /// <summary>Words before a unit's or house's number that start an address: "Flat 25, 144 ...", "House No. 238, ...".</summary>
    private static readonly WordSet UnitLeads = new("flat unit level house apt apartment suite plot shop room floor building bldg no nr ");

    /// <summary>Short labels before a number inside an address: "No:202", "d. 87", "kv. 88", "D:3", "Daire 4".</summary>
    internal static readonly WordSet NumberLabels = new("no nr d kv kat daire dom korp bl blok et ap ");

    /// <summary>True when token <paramref name="i"/> is a number label followed on its line by a house number.</summary>
    internal static bool LabelledNumber(NameScan s, int i) =>
        i + 1 < s.Count && NumberLabels.Contains(s.Word(i)) && s.Tokens[i].Length <= 5 && IsHouseNumber(s, i + 1) && SameLine(s, i + 1)
        && s.GapBefore(i + 1).Trim(' ').Length <= 1;

    /// <summary>Finds address blocks and reports each as one LOCATION.</summary>
    public static void Apply(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i]) continue;
            if (!TryAnchor(s, i, out var start, out var end, out var rule)) continue;
            if (s.AnyClaimed(start, end)) continue;
            start = ExtendLeft(s, start);
            end = AddressBlock.ExtendRight(s, end);
            s.Report(PiiEntities.Location, start, end, rule == "number-words-number" ? 0.7 : 0.85, s.Rule("address: ", rule));
            i = end;
        }
        PostalCodes(s);
    }

    private static bool TryAnchor(NameScan s, int i, out int start, out int end, out string rule)
    {
        start = end = i;
        rule = "";
        var word = s.Word(i);
        if ((s.Has(i, NameFlags.StreetType) || ExtraSuffixTypes.Contains(word) && s.CapLike(i) && i > 0 && s.SpaceBefore(i)) && word.Length > 0)
        {
            var isPrefix = PrefixTypes.Contains(word);
            // "644 Aniya Plaza Suite 919", "17 Dickinson Avenue, ...": a type that may come first still ends a numbered name.
            if (isPrefix && s.IsNumber(i - 2) && SuffixForm(s, i, out start, out end) && start < i - 1) { rule = "street type after name"; return true; }
            if (isPrefix && PrefixForm(s, i, numberBeforeAllowed: true, out start, out end)) { rule = "street type before name"; return true; }
            if (SuffixForm(s, i, out start, out end)) { rule = "street type after name"; return true; }
            // "Dr Kealutal: 303 ...": a street type that is also a title ("Dr") starts a person's name, not a street.
            if (!isPrefix && s.CapLike(i) && !s.Has(i, NameFlags.Title) && PrefixForm(s, i, numberBeforeAllowed: false, out start, out end)) { rule = "street type before name"; return true; }
            return false;
        }
        if ((s.Has(i, NameFlags.StreetWord) || s.Has(i, NameFlags.StreetName)) && s.CapLike(i) && !s.Has(i, NameFlags.Common))
        {
            if (IsHouseNumber(s, i + 1) && SameLine(s, i + 1)) { start = s.IsNumber(i - 1) && SameLine(s, i) ? i - 1 : i; end = i + 1; rule = "street word + number"; return true; }
            if (s.IsNumber(i - 1) && SameLine(s, i)) { start = i - 1; end = i; rule = "number + street word"; return true; }
            return false;
        }
        if (s.IsNumber(i) && Digits(s, i) <= 5) return NumberWordsNumber(s, i, out start, out end, out rule);
        return CuedWordsNumber(s, i, out start, out end, out rule);
    }

    private static bool PrefixForm(NameScan s, int i, bool numberBeforeAllowed, out int start, out int end)
    {
        start = end = i;
        var j = i + 1;
        var names = 0;
        while (j < s.Count && names < 5 && SameLine(s, j) && (j == i + 1 || s.GapBefore(j).IndexOf(',') < 0) && IsStreetNameToken(s, j)) { names++; j++; }
        if (names == 0) return false;
        var last = j - 1;
        while (last > i && IsConnector(s, last)) last--;
        var numberAfter = IsHouseNumber(s, last + 1) && SameLine(s, last + 1) && s.GapBefore(last + 1).Trim(' ').Length <= 1;
        // "ul. Sauva, d. 90": the house number comes with its label after a comma.
        var labelled = !numberAfter && last + 1 < s.Count && SameLine(s, last + 1) && LabelledNumber(s, last + 1);
        // "44 bis rue de la Paix": "bis"/"ter" between the number and the type.
        var bis = numberBeforeAllowed && i >= 2 && (s.IsWord(i - 1, "bis") || s.IsWord(i - 1, "ter")) && s.IsNumber(i - 2) && SameLine(s, i - 1) && SameLine(s, i);
        var numberBefore = numberBeforeAllowed && (s.IsNumber(i - 1) || bis) && SameLine(s, i);
        // "Intrarea Campulung, Bloc 34": a unit after a comma also closes the street name.
        var unitAfter = last + 1 < s.Count && s.Has(last + 1, NameFlags.Unit) && SameLine(s, last + 1) && s.GapBefore(last + 1).IndexOf(',') >= 0;
        if (!numberAfter && !numberBefore && !unitAfter && !labelled) return false;
        start = bis ? i - 2 : numberBefore ? i - 1 : i;
        end = numberAfter ? last + 1 : labelled ? last + 2 : last;
        return true;
    }

    private static bool SuffixForm(NameScan s, int i, out int start, out int end)
    {
        start = end = i;
        var j = i - 1;
        var names = 0;
        while (j >= 0 && names < 4 && SameLine(s, j + 1) && s.GapBefore(j + 1).IndexOfAny(":|") < 0 && (IsStreetNameToken(s, j) || (s.Shape(j, TokenShape.HasDigit) && s.Shape(j, TokenShape.HasLetter))))
        {
            names++;
            j--;
        }
        if (names == 0 || IsConnector(s, j + 1)) return false;
        var numberBefore = s.IsNumber(j) && SameLine(s, j + 1) && Digits(s, j) <= 6;
        var type = s.Word(i);
        var strong = StrongTypes.Contains(type) && !s.NoCase && s.Shape(i, TokenShape.Capitalized);
        var numberAfterType = IsHouseNumber(s, i + 1) && SameLine(s, i + 1) && s.SpaceBefore(i + 1);
        // "Maillard Caddesi No:202": a labelled house number after the type.
        var labelledAfter = !numberBefore && SameLine(s, i + 1) && s.GapBefore(i + 1).Trim(' ').Length <= 1 && LabelledNumber(s, i + 1);
        if (!numberBefore && !strong && !numberAfterType && !labelledAfter) return false;
        start = numberBefore ? j : j + 1;
        end = labelledAfter ? i + 2 : i;
        if (s.Tokens[i].Length <= 2 && end + 1 < s.Count && Directions.Contains(s.Word(end + 1)) && SameLine(s, end + 1)) end++;
        if (s.IsNumber(end + 1) && SameLine(s, end + 1) && Digits(s, end + 1) <= 5 && !numberBefore) end++;
        return true;
    }

    private static bool NumberWordsNumber(NameScan s, int i, out int start, out int end, out string rule)
    {
        start = end = i;
        rule = "number-words-number";
        var j = i + 1;
        var names = 0;
        while (j < s.Count && names < 4 && SameLine(s, j) && IsStreetNameToken(s, j) && !s.Has(j, NameFlags.Calendar)) { names++; j++; }
        if (names == 0 || !IsHouseNumber(s, j) || !SameLine(s, j) || IsConnector(s, i + 1)) return false;
        if (!s.NoCase && !s.Shape(i + 1, TokenShape.Capitalized)) return false;
        for (var k = i + 1; k < j; k++) if (s.Has(k, NameFlags.Common) && !IsConnector(s, k) && !s.Has(k, NameFlags.StreetType | NameFlags.StreetName | NameFlags.AnyPlace)) return false;
        end = j;
        return true;
    }

    /// <summary>"lives at Lucassteeg 96, Shazan": after an address cue, street words, a house number and a comma.</summary>
    private static bool CuedWordsNumber(NameScan s, int i, out int start, out int end, out string rule)
    {
        start = end = i;
        rule = "cue + street words + number";
        if (i == 0 || !HouseNumberWithin(s, i + 1, 4)) return false;
        if (!IsStreetNameToken(s, i) || IsConnector(s, i) || s.Has(i, NameFlags.Common) && !s.Has(i, NameFlags.StreetType | NameFlags.StreetName)) return false;
        if (!(Cues.LocationBefore(s, i) > 0 || AddressCues.Contains(s.Word(i - 1))) || s.GapBefore(i).IndexOfAny(".!?") >= 0) return false;
        var j = i + 1;
        while (j < s.Count && j - i < 4 && SameLine(s, j) && s.GapBefore(j).IndexOf(',') < 0 && (IsStreetNameToken(s, j) || s.Has(j, NameFlags.Common) && s.Shape(j, TokenShape.HasLetter) && !s.Shape(j, TokenShape.HasDigit) && s.Shape(j, TokenShape.AllLower) == s.Shape(i, TokenShape.AllLower))) j++;
        if (j >= s.Count || !s.Shape(j, TokenShape.HasDigit) || s.Tokens[j].Length > 6 || !SameLine(s, j)) return false;
        var closes = j + 1 >= s.Count || s.GapBefore(j + 1).TrimStart(' ').StartsWith(",") || s.NewlineBefore(j + 1);
        if (!closes) return false;
        end = j;
        return true;
    }

    private static bool HouseNumberWithin(NameScan s, int from, int count)
    {
        for (var k = from; k < s.Count && k < from + count; k++) if (s.Shape(k, TokenShape.HasDigit)) return true;
        return false;
    }

    private static readonly WordSet AddressCues = new("address is at to on ship send deliver");

    private static int ExtendLeft(NameScan s, int start)
    {
        for (var n = 0; n < 4 && start > 0 && SameLine(s, start) && !s.Claimed[start - 1]; n++)
        {
            if (s.IsNumber(start - 1) && Digits(s, start - 1) <= 5) { start--; continue; }
            // "Flat 25, 144 Magar Close", "House No. 238, Lauhu Road": a unit word before the first number.
            if (UnitLeads.Contains(s.Word(start - 1)) && (s.IsNumber(start) || UnitLeads.Contains(s.Word(start))) && s.GapBefore(start).IndexOf(',') < 0
                && (s.NoCase || s.CapLike(start - 1))) { start--; continue; }
            break;
        }
        return start;
    }

    /// <summary>"ZIP: 11164", "postcode 2000": a postal code after its label.</summary>
    private static void PostalCodes(NameScan s)
    {
        for (var j = s.NextCandidate(1); j < s.Count; j = s.NextCandidate(j + 1))
        {
            if (!s.Shape(j, TokenShape.HasDigit) || s.Tokens[j].Length is < 3 or > 10 || s.Claimed[j] || !SameLine(s, j)) continue;
            var cue = PostalCues.Contains(s.Word(j - 1)) || s.IsWord(j - 1, "code") && j >= 2 && PostalCues.Contains(s.Word(j - 2));
            if (!cue) continue;
            var end = j + 1 < s.Count && s.Shape(j + 1, TokenShape.HasDigit) && s.Tokens[j + 1].Length <= 4 && s.SpaceBefore(j + 1) ? j + 1 : j;
            s.Report(PiiEntities.Location, j, end, 0.6, "address: postal code after its label");
        }
    }

    internal static bool IsConnector(NameScan s, int i) =>
        i >= 0 && i < s.Count && Connectors.Contains(s.Word(i)) && !s.Shape(i, TokenShape.AllUpper);

    private static bool IsStreetNameToken(NameScan s, int i)
    {
        if (i < 0 || i >= s.Count || s.Claimed[i] || !s.Shape(i, TokenShape.HasLetter)) return false;
        if (IsConnector(s, i)) return true;
        if (s.Has(i, NameFlags.Title | NameFlags.Calendar) && !s.Has(i, NameFlags.AnyName | NameFlags.AnyPlace)) return false;
        if (s.NoCase) return !s.Has(i, NameFlags.Common) || s.Has(i, NameFlags.AnyName | NameFlags.AnyPlace | NameFlags.StreetName);
        return s.CapLike(i);
    }

    /// <summary>"12", "72c", "661b": digits with at most two letters after them.</summary>
    internal static bool IsHouseNumber(NameScan s, int i)
    {
        if (i < 0 || i >= s.Count) return false;
        var w = s.Tokens[i].In(s.Text);
        if (w.Length > 6 || !char.IsAsciiDigit(w[0])) return false;
        var digits = 0;
        while (digits < w.Length && char.IsAsciiDigit(w[digits])) digits++;
        return digits <= 5 && w.Length - digits <= 2;
    }

    internal static bool SameLine(NameScan s, int i) => i > 0 && i < s.Count && !s.NewlineBefore(i);

    internal static int Digits(NameScan s, int i) => s.Tokens[i].Length;
}
