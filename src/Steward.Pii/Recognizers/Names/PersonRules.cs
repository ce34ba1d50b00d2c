using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// PERSON rules: a title before a name (the title is not part of the span), cue phrases ("my name is", "call me",
/// "X said", "told X", possessives), given name + surname or unknown proper noun, and lone given names or surnames
/// scored by how ambiguous the word is (a name that is also a common English word needs a cue).
/// </summary>
internal static class PersonRules
{
    private const NameFlags NotPersonAlone = NameFlags.Calendar | NameFlags.Title | NameFlags.Unit | NameFlags.StreetType |
        NameFlags.KnownOrg | NameFlags.OrgSuffix | NameFlags.AnyNrp | NameFlags.Country;

    /// <summary>True for a pronoun or a contraction with one ("I'm", "she's"), never part of a name.</summary>
    internal static bool IsPronoun(NameScan s, int i) => Pronouns.Contains(s.Word(i));

    private static readonly WordSet Pronouns = new("i i'm im i'd i'll i've it's its that's let's we're you're he's she's we you he she they it this that there here");

    /// <summary>Given names that are also verbs, read as the verb before a full name ("police said Isabelle Kohler").</summary>
    private static readonly WordSet VerbLikeNames = new("said will may met asked told called");

    private static readonly WordSet FunctionWords = new("to the of and or in on at for by as is it with from into our your my");

    private static readonly WordSet StrongTitles = new("mr mrs ms miss mx dr prof sir madam madame mme mlle herr frau sr sra srta dra");

    /// <summary>Titles and strong cue phrases.</summary>
    public static void ApplyCued(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i]) continue;
            // "Prince Edward Island", "Saint Helena": a title that starts a known place's name is not a title.
            if (s.PhraseLength[i] > 1 && (s.PhraseFlags[i] & NameFlags.AnyPlace) != 0) continue;
            if (s.Has(i, NameFlags.Title) && IsTitle(s, i) && i + 1 < s.Count && !s.NewlineBefore(i + 1))
            {
                // "Dr van den Berg": a name may start with a particle after a title.
                var start = NameParticles.Skip(s, i + 1);
                // "the Annual General Meeting": only a strong title (Mr, Dr) makes a common word a name.
                if (NameStart(s, start, cued: StrongTitles.Contains(s.Word(i))))
                {
                    if (start > i + 1 && s.AnyClaimed(i + 1, start - 1)) start = i + 1;
                    var e = Extent(s, start);
                    s.Report(PiiEntities.Person, i + 1, e, 0.85, s.Rule("person: title '", s.Tokens[i].In(s.Text), "' + name"));
                    i = e;
                    continue;
                }
            }
            if (Cues.StrongPersonBefore(s, i) && NameStart(s, i, cued: true))
            {
                var e = Extent(s, i);
                s.Report(PiiEntities.Person, i, e, 0.85, "person: cue phrase before the name");
                i = e;
            }
        }
    }

    /// <summary>Given name followed by a surname or an unknown proper noun.</summary>
    public static void ApplyFullNames(NameScan s)
    {
        for (var i = s.NextCandidate(0); i + 1 < s.Count; i = s.NextCandidate(i + 1))
        {
            if (!s.Claimed[i] && LowerCaseName(s, i))
            {
                // "I spoke to heru samosir yesterday": a given name and a surname, both lower case, in cased text.
                s.Report(PiiEntities.Person, i, i + 1, 0.6, "person: lower-case given name + surname");
                i++;
                continue;
            }
            if (s.Claimed[i] || !s.Has(i, NameFlags.FirstName) || !s.CapLike(i) || !s.SpaceBefore(i + 1) || !IsNamePart(s, i + 1)) continue;
            if (s.PhraseLength[i] >= 2 && (s.PhraseFlags[i] & (NameFlags.Country | NameFlags.BigCity | NameFlags.Region | NameFlags.KnownOrg)) != 0) continue;
            if (InsidePlacePhrase(s, i)) continue;
            if (s.Has(i, NameFlags.CityPrefix) || PlaceSuffixes.Extend(s, i + 1) > i + 1) continue;
            // "police said Isabelle Ferry Kohler": a given name that is also a word ("Said", "Will") before a full name is the word.
            if (VerbLikeNames.Contains(s.Word(i)) && s.Has(i + 1, NameFlags.FirstName) && !s.Has(i + 1, NameFlags.Common) && s.SpaceBefore(i + 1)) continue;
            var next = s.Flags[i + 1];
            var nextIsName = (next & NameFlags.AnyName) != 0 && (next & NameFlags.Common) == 0;
            var nextIsSurname = (next & (NameFlags.LastName | NameFlags.PeopleName)) != 0 && s.Tokens[i + 1].Length >= 3 && !Pronouns.Contains(s.Word(i + 1));
            var cued = Cues.PersonBefore(s, i) || Cues.AddressingBefore(s, i);
            if (s.Has(i, NameFlags.Common | NameFlags.Calendar) && !nextIsName && !(cued && (nextIsSurname || next == NameFlags.None))) continue;
            if (s.NoCase && ((next & NameFlags.Common) != 0 && !(nextIsSurname && !s.Has(i, NameFlags.Common)) || s.Has(i, NameFlags.Common) && !nextIsName)) continue;
            var e = Extent(s, i);
            s.Report(PiiEntities.Person, i, e, nextIsName ? 0.85 : 0.7, nextIsName ? "person: given name + surname" : "person: given name + proper noun");
            i = e;
        }
    }

    /// <summary>Lone names and weak cues; runs after places and organisations have taken their words.</summary>
    public static void ApplyLone(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i] || !s.CapLike(i) || !s.Shape(i, TokenShape.HasLetter) || s.Tokens[i].Length < 2 || Pronouns.Contains(s.Word(i))) continue;
            var flags = s.Flags[i];
            if ((flags & NotPersonAlone) != 0 && (flags & NameFlags.AnyName) == 0) continue;
            var before = Cues.PersonBefore(s, i);
            if (PlaceSuffixes.Extend(s, i) > i && !before) continue;
            // "North Aracely police", "Lake Jessica": a name after a place prefix is a place's name.
            if (i > 0 && s.Has(i - 1, NameFlags.CityPrefix) && s.Shape(i - 1, TokenShape.Capitalized) && s.SpaceBefore(i) && !s.Claimed[i - 1]) continue;
            var e = Extent(s, i);
            var start = s.SentenceStart(i);
            var after = Cues.PersonAfter(s, e, strongOnly: start && (flags & NameFlags.AnyName) != 0);
            var possessive = s.CoreLength[e] < s.Tokens[e].Length;
            // "Dachyv D. Vandenberghe": proper nouns around an initial are a person's name.
            var initialInside = false;
            for (var k = i + 1; k < e; k++) if (s.Tokens[k].Length == 1) initialInside = true;
            var address = AddressFollows(s, e);
            var cued = before || after || possessive || initialInside || Cues.AppositionAfter(s, e) || address || Cues.VocativeAtEnd(s, i, e);
            var common = (flags & NameFlags.Common) != 0;
            var known = (flags & NameFlags.AnyName) != 0;
            var place = (flags & (NameFlags.Country | NameFlags.BigCity | NameFlags.Region)) != 0;
            var loc = Cues.LocationBefore(s, i);
            // "living in Bangladesh, Carol needs a visa": after a place and a comma, a person's verb starts a new clause.
            if (loc == 1 && after && s.GapBefore(i).IndexOf(',') >= 0) loc = 0;
            if (loc > 0 && (flags & NameFlags.City) != 0 && !((address || before) && loc == 1 || possessive)) continue;
            // "84244 Kaur Plaza", "Zimmer 651": a word next to a number on its line is part of an address or a code.
            if (!before && (NextToNumber(s, i - 1, i) || NextToNumber(s, e + 1, e + 1))) continue;
            // "stayed at Veedeep's place": a possessive outweighs a weak location cue.
            if (loc > 0 && (place || !known) && !((before || address) && loc == 1 || possessive)) continue;
            double score;
            string rule;
            if (s.Has(i, NameFlags.Calendar) && !cued) continue;
            if (!known)
            {
                // A town's name in a name's place ("ceo Teya Heshokawa told") passes with a cue before it, an address after it, or a second word.
                var townAsName = (flags & ~(NameFlags.PlaceShape | NameFlags.City)) == 0 && (before || address || e > i);
                if (common || s.NoCase || !cued || (flags & ~NameFlags.PlaceShape) != 0 && !townAsName) continue;
                // A short unknown all-capitals word in mixed-case text is an acronym ("my SSN is"), not a name.
                if (s.Shape(i, TokenShape.AllUpper) && e == i && s.Tokens[i].Length <= 5) continue;
                (score, rule) = (0.6, "person: unknown proper noun with a person cue");
            }
            else if (s.Has(i, NameFlags.FirstName) && !common && !place)
            {
                if (s.NoCase && (s.Tokens[i].Length < 4 || (flags & ~(NameFlags.AnyName)) != 0) && !cued) continue;
                (score, rule) = (cued ? 0.75 : 0.6, "person: given name");
            }
            else if (!common && !place && !s.NoCase && (!start || cued))
            {
                (score, rule) = (cued ? 0.7 : 0.5, "person: surname");
            }
            else if (!s.NoCase && s.Shape(i, TokenShape.Capitalized) && (Cues.PersonAfter(s, e, strongOnly: true) || !common && cued || Cues.AddressingBefore(s, i) && known))
            {
                (score, rule) = (0.45, "person: ambiguous name with a person cue");
            }
            else continue;
            s.Report(PiiEntities.Person, i, e, score, rule);
            i = e;
        }
    }

    /// <summary>"Ship to Pina Dikuova, Videigatan 181, ...", a name line above an address block: an address right after the name.</summary>
    internal static bool AddressFollows(NameScan s, int last)
    {
        if (last + 1 >= s.Count || !s.Claimed[last + 1]) return false;
        var gap = s.GapBefore(last + 1).Trim(' ');
        if (!(gap.SequenceEqual(",") || gap.SequenceEqual("\n") || gap.SequenceEqual("\r\n"))) return false;
        foreach (var r in s.Results) if (r.First == last + 1 && r.Entity == PiiEntities.Location && r.Rule.StartsWith("address:", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"Prince Edward Island": token <paramref name="i"/> lies inside a known place's name that starts before it.</summary>
    private static bool InsidePlacePhrase(NameScan s, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 3; k--)
            if (s.PhraseLength[k] > i - k && (s.PhraseFlags[k] & NameFlags.AnyPlace) != 0 && !s.Claimed[k] && s.CapLike(k)) return true;
        return false;
    }

    private static bool LowerCaseName(NameScan s, int i)
    {
        if (s.NoCase || i + 1 >= s.Count || !s.Shape(i, TokenShape.AllLower) || s.Claimed[i + 1] || !s.SpaceBefore(i + 1)) return false;
        const NameFlags NotName = NameFlags.Common | NameFlags.AnyPlace | NameFlags.Calendar | NameFlags.AnyNrp | NameFlags.Title | NameFlags.StreetType | NameFlags.OrgSuffix;
        return s.Shape(i, TokenShape.AllLower) && s.Shape(i + 1, TokenShape.AllLower) && s.Tokens[i].Length >= 3 && s.Tokens[i + 1].Length >= 3
            && s.Has(i, NameFlags.FirstName) && s.Has(i + 1, NameFlags.LastName | NameFlags.PeopleName) && !s.Has(i, NotName) && !s.Has(i + 1, NotName)
            && !IsPronoun(s, i) && !IsPronoun(s, i + 1);
    }

    private static bool NextToNumber(NameScan s, int number, int gapOf) =>
        number >= 0 && number < s.Count && s.IsNumber(number) && gapOf > 0 && gapOf < s.Count && s.GapBefore(gapOf).SequenceEqual(" ");

    private static bool IsTitle(NameScan s, int i)
    {
        var strong = StrongTitles.Contains(s.Word(i));
        if (strong) return s.Tokens[i].Length <= 6 || s.Shape(i, TokenShape.Capitalized);
        return !s.NoCase && s.Shape(i, TokenShape.Capitalized) && !s.SentenceStart(i + 1);
    }

    /// <summary>True when token <paramref name="i"/> can start a name.</summary>
    private static bool NameStart(NameScan s, int i, bool cued)
    {
        if (i >= s.Count || s.Claimed[i] || !s.CapLike(i) || s.Tokens[i].Length < 2 || Pronouns.Contains(s.Word(i))) return false;
        var flags = s.Flags[i];
        var known = (flags & NameFlags.AnyName) != 0;
        if ((flags & NotPersonAlone) != 0 && !known) return false;
        // "Welcome To The Team": a short common word is never a name, nor a function word that some list holds as one.
        if ((flags & NameFlags.Common) != 0 && (!known && s.Tokens[i].Length <= 3 || FunctionWords.Contains(s.Word(i)))) return false;
        if ((flags & NameFlags.Common) != 0 && !known) return cued && !s.NoCase && s.Shape(i, TokenShape.Capitalized) && !s.Shape(i, TokenShape.AllUpper);
        // "the name is on the contract": without capitals, a name that is also a word needs a real name after it.
        if (s.NoCase && (flags & NameFlags.Common) != 0 && !(i + 1 < s.Count && s.SpaceBefore(i + 1) && (s.Flags[i + 1] & NameFlags.AnyName) != 0 && (s.Flags[i + 1] & NameFlags.Common) == 0)) return false;
        return true;
    }

    /// <summary>True when token <paramref name="i"/> can continue a name.</summary>
    internal static bool IsNamePart(NameScan s, int i)
    {
        if (i >= s.Count || s.Claimed[i] || !s.CapLike(i)) return false;
        var flags = s.Flags[i];
        if ((flags & (NameFlags.Calendar | NameFlags.Title | NameFlags.Unit | NameFlags.StreetType | NameFlags.OrgSuffix)) != 0 && (flags & NameFlags.AnyName) == 0) return false;
        if ((flags & NameFlags.Common) != 0) return (flags & (NameFlags.LastName | NameFlags.PeopleName)) != 0 && !s.NoCase && s.Shape(i, TokenShape.Capitalized);
        return (flags & (NameFlags.Country | NameFlags.AnyNrp)) == 0 || (flags & NameFlags.AnyName) != 0;
    }

    /// <summary>The last token of the name starting at <paramref name="i"/> (up to four words, initials and "MD"/"Jr" included).</summary>
    internal static int Extent(NameScan s, int i)
    {
        var e = i;
        while (e + 1 < s.Count && e - i < 4 && s.CoreLength[e] == s.Tokens[e].Length)
        {
            var gap = s.GapBefore(e + 1);
            // "Liasu da Adewura", "Benny ter Steuber": particles between name parts, when a name part follows.
            var after = NameParticles.Skip(s, e + 1);
            if (after > e + 1 && (gap.SequenceEqual(" ") || s.Tokens[e].Length == 1 && gap.SequenceEqual(". ")) && after < s.Count && s.GapBefore(after).SequenceEqual(" ") && IsNamePart(s, after)) { e = after; continue; }
            var initial = s.Tokens[e].Length == 1 && gap.SequenceEqual(". ");
            if (!(gap.SequenceEqual(" ") || initial) || !(IsNamePart(s, e + 1) || IsInitial(s, e + 1))) break;
            e++;
        }
        while (e > i && s.Tokens[e].Length == 1) e--;
        if (e + 1 < s.Count && s.Has(e + 1, NameFlags.PersonSuffix) && !s.Claimed[e + 1] && s.GapBefore(e + 1).Trim(' ').Length <= 1 && s.GapBefore(e + 1).IndexOf('\n') < 0
            && (s.Shape(e + 1, TokenShape.AllUpper) || s.Shape(e + 1, TokenShape.Capitalized))) e++;
        return e;
    }

    private static bool IsInitial(NameScan s, int i) =>
        s.Tokens[i].Length == 1 && s.Shape(i, TokenShape.Capitalized) && !s.NoCase && i + 1 < s.Count && s.GapBefore(i + 1).SequenceEqual(". ") && IsNamePart(s, NameParticles.Skip(s, i + 1));
}
