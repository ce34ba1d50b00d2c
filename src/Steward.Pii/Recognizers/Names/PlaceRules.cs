using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Lone places as LOCATION: countries, regions and cities from the gazetteer (big cities need less evidence than
/// villages; a place that is also a common word or a name needs a cue such as "in", "from", "lives in", "born in"),
/// proper nouns after a strong location cue, and place-shaped words ("Blaketown", "Port Kyle").
/// </summary>
internal static class PlaceRules
{
    /// <summary>Finds places.</summary>
    public static void Apply(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i] || !s.CapLike(i) || s.Tokens[i].Length < 2) continue;
            var cue = Cues.LocationBefore(s, i);
            // "living in Chile, Viva needs a visa": after a place and a comma, a word followed by a person's verb starts a clause.
            if (cue == 1 && s.GapBefore(i).IndexOf(',') >= 0 && Cues.PersonAfter(s, i, strongOnly: false)) cue = 0;
            if (cue == 0 && FacilityAfter(s, i)) cue = 2;
            if (cue == 0 && AuthorityAfter(s, i)) cue = 2;
            if (cue == 2 && OrganizationRules.FromFirm(s, i)) { i = s.Results[^1].Last; continue; }
            var phrase = s.PhraseLength[i];
            if (phrase > 0 && (s.PhraseFlags[i] & NameFlags.AnyPlace) != 0 && !s.AnyClaimed(i, i + phrase - 1) && AllCapLike(s, i, i + phrase - 1))
            {
                var last = i + phrase - 1;
                if (last + 1 < s.Count && s.IsNumber(last + 1) && s.Tokens[last + 1].Length <= 2 && s.SpaceBefore(last + 1) && !s.Claimed[last + 1]) last++;
                s.Report(PiiEntities.Location, i, last, Score(s.PhraseFlags[i], cue), s.Rule("location: ", Kind(s.PhraseFlags[i]), " (several words)"));
                i = last;
                continue;
            }
            var flags = s.Flags[i];
            // "we stayed at Wiuxu's place": a possessive is a person's unless the word is a country, region or big city.
            if (s.CoreLength[i] < s.Tokens[i].Length && ((flags & (NameFlags.Country | NameFlags.BigCity | NameFlags.Region)) == 0 || (flags & NameFlags.FirstName) != 0)) continue;
            if (PrefixedPlace(s, i))
            {
                var e = Continue(s, i + 1);
                s.Report(PiiEntities.Location, i, e, 0.6, "location: place prefix + proper noun");
                i = e;
                continue;
            }
            if ((flags & NameFlags.Calendar) != 0 && (flags & (NameFlags.Country | NameFlags.BigCity)) == 0) continue;
            var common = (flags & NameFlags.Common) != 0 && !s.Shape(i, TokenShape.AllUpper);
            var nameLike = (flags & NameFlags.Country) != 0 ? NameFlags.FirstName : (flags & NameFlags.BigCity) != 0 ? NameFlags.FirstName | NameFlags.LastName : NameFlags.AnyName;
            var ambiguous = (flags & (nameLike | NameFlags.CityPrefix | NameFlags.Title | NameFlags.Calendar | NameFlags.AnyNrp | NameFlags.StreetType)) != 0;
            if ((flags & NameFlags.AnyPlace) != 0)
            {
                var strongKind = (flags & (NameFlags.Country | NameFlags.BigCity | NameFlags.Region)) != 0;
                // "Rimemi Taroda, who ...": a town's name right after an unknown proper noun or a given name is a surname here.
                if (!strongKind && cue == 0 && !s.NoCase && (SurnameSlot(s, i) || Cues.PersonBefore(s, i) || Cues.StrongPersonBefore(s, i))) continue;
                // "stayed at Veedeep's place", "Ship to Pina Dikuova, Videigatan 181": a possessive, or a name before an address.
                if (!strongKind && cue < 2 && (s.CoreLength[i] < s.Tokens[i].Length || PersonRules.AddressFollows(s, NameEnd(s, i)))) continue;
                var ok = cue == 2 && (!common || s.Shape(i, TokenShape.Capitalized))
                    || !common && !ambiguous && (strongKind || !s.NoCase && (!s.SentenceStart(i) || cue > 0))
                    || !common && cue == 1 && !s.NoCase
                    || common && !s.NoCase && s.Shape(i, TokenShape.Capitalized) && (flags & NameFlags.Country) != 0 && cue > 0;
                if (!ok) continue;
                var e = Continue(s, i);
                s.Report(PiiEntities.Location, i, e, Score(flags, cue), s.Rule("location: ", Kind(flags), cue > 0 ? " after a location cue" : ""));
                i = e;
                continue;
            }
            if (s.NoCase && cue == 2 && flags == NameFlags.None && s.Tokens[i].Length >= 4)
            {
                var e = Continue(s, i);
                s.Report(PiiEntities.Location, i, e, 0.5, "location: unknown word after a location cue");
                i = e;
                continue;
            }
            if (s.NoCase || common || s.Has(i, NameFlags.Calendar | NameFlags.Title | NameFlags.KnownOrg | NameFlags.AnyNrp)) continue;
            // "the parliament in Ekberg", "the festival in Hậu Giang": after "in" or "near", even a word that is also a name.
            var inOrNear = cue == 2 && (s.IsWord(i - 1, "in") || s.IsWord(i - 1, "near")) && s.CoreLength[i] == s.Tokens[i].Length;
            var shaped = (flags & NameFlags.PlaceShape) != 0 && (flags & NameFlags.AnyName) == 0 && !(cue == 0 && SurnameSlot(s, i));
            if (cue == 2 && ((flags & NameFlags.AnyName) == 0 || inOrNear) || shaped || PlaceSuffixes.Extend(s, i) > i)
            {
                var e = Continue(s, i);
                s.Report(PiiEntities.Location, i, e, cue == 2 ? 0.6 : 0.5, cue == 2 ? "location: proper noun after a location cue" : "location: place-shaped name");
                i = e;
            }
        }
    }

    /// <summary>Nouns of a firm's sites after a place: "the Sobotka branch", "our Bursa clinic".</summary>
    private static readonly WordSet Facilities = new("branch office offices clinic campus store shop plant factory warehouse depot airport station hub site headquarters");

    /// <summary>"The Sobotka branch of ...": a proper noun between a determiner and a site noun.</summary>
    private static bool FacilityAfter(NameScan s, int i)
    {
        if (i < 1 || !(s.IsWord(i - 1, "the") || s.IsWord(i - 1, "our") || s.IsWord(i - 1, "their") || s.IsWord(i - 1, "its"))) return false;
        var e = i;
        while (e + 1 < s.Count && e - i < 2 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Has(e + 1, NameFlags.Common) && !s.Claimed[e + 1]) e++;
        return e + 1 < s.Count && s.SpaceBefore(e + 1) && Facilities.Contains(s.Word(e + 1)) && !s.Shape(e + 1, TokenShape.Capitalized);
    }

    private static int NameEnd(NameScan s, int i)
    {
        var e = i;
        while (e + 1 < s.Count && e - i < 2 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Claimed[e + 1]) e++;
        return e;
    }

    private static bool SurnameSlot(NameScan s, int i)
    {
        if (i < 1 || s.Claimed[i - 1] || !s.GapBefore(i).SequenceEqual(" ") || !s.CapLike(i - 1) || s.Shape(i - 1, TokenShape.AllUpper)) return false;
        var before = s.Flags[i - 1];
        return before == NameFlags.None || (before & NameFlags.FirstName) != 0 && (before & (NameFlags.Common | NameFlags.CityPrefix | NameFlags.AnyPlace)) == 0;
    }

    /// <summary>A town's authorities or people after its name: "Kloten police said", "Syta residents".</summary>
    private static readonly WordSet Authorities = new("police authorities officials residents council councillors prosecutors firefighters voters");

    /// <summary>"Fetgrunn police said ...": a proper noun (one or two words) right before a town's authorities.</summary>
    private static bool AuthorityAfter(NameScan s, int i)
    {
        var e = i;
        if (e + 1 < s.Count && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Has(e + 1, NameFlags.Common) && !s.Claimed[e + 1]) e++;
        return e + 1 < s.Count && (s.NoCase || !s.Shape(e + 1, TokenShape.Capitalized)) && s.SpaceBefore(e + 1) && Authorities.Contains(s.Word(e + 1));
    }

    /// <summary>"Port Kyle", "North Chad": a place prefix and a proper noun.</summary>
    private static bool PrefixedPlace(NameScan s, int i) =>
        s.Has(i, NameFlags.CityPrefix) && (s.Shape(i, TokenShape.Capitalized) || s.NoCase && Cues.LocationBefore(s, i) == 2) && i + 1 < s.Count && s.SpaceBefore(i + 1) && s.CapLike(i + 1)
        && !s.Has(i + 1, NameFlags.Common | NameFlags.Calendar) && !s.Claimed[i + 1]
        // At a sentence start only with a cue, or when a person's name follows the prefix (faker's "North Aracely", "Lake Jessica").
        && (!s.SentenceStart(i) || Cues.LocationBefore(s, i) > 0 || s.Has(i + 1, NameFlags.AnyName) && !s.Shape(i + 1, TokenShape.AllUpper));

    /// <summary>Extends over proper nouns that continue the place's name on the same line ("Ústí nad Labem").</summary>
    private static int Continue(NameScan s, int i)
    {
        var e = i;
        while (e + 1 < s.Count && e - i < 3 && s.SpaceBefore(e + 1) && !s.Claimed[e + 1])
        {
            if (AddressRules.IsConnector(s, e + 1) && e + 2 < s.Count && s.SpaceBefore(e + 2) && s.CapLike(e + 2) && !s.Has(e + 2, NameFlags.Common) && !s.Claimed[e + 2]) { e += 2; continue; }
            if (!s.CapLike(e + 1) || s.Has(e + 1, NameFlags.Common | NameFlags.Calendar | NameFlags.AnyNrp | NameFlags.OrgSuffix) || s.Has(e + 1, NameFlags.Country)) break;
            if (s.Has(e + 1, NameFlags.FirstName) && !s.Has(e, NameFlags.CityPrefix)) break;
            e++;
        }
        if (e + 1 < s.Count && s.IsNumber(e + 1) && s.Tokens[e + 1].Length <= 2 && s.SpaceBefore(e + 1) && !s.Claimed[e + 1]) e++;
        return PlaceSuffixes.Extend(s, e);
    }

    private static bool AllCapLike(NameScan s, int first, int last)
    {
        // A known multi-word name may have lower-case words inside ("Bosnia and Herzegovina", "Ústí nad Labem").
        return s.CapLike(first) && (s.CapLike(last) || s.Shape(last, TokenShape.HasDigit) || last - first >= 2);
    }

    private static double Score(NameFlags flags, int cue) =>
        (flags & (NameFlags.Country | NameFlags.BigCity)) != 0 ? 0.85 : cue == 2 ? 0.8 : (flags & NameFlags.Region) != 0 ? 0.7 : 0.6;

    private static string Kind(NameFlags flags) =>
        (flags & NameFlags.Country) != 0 ? "country" : (flags & NameFlags.Region) != 0 ? "region" : (flags & NameFlags.BigCity) != 0 ? "city" : "town";
}
