using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// ORGANIZATION rules: known organisations, proper nouns ending in an organisation word ("Areavibes Inc", "Tableau
/// Software"), "University of X", faker's company shapes ("Hubbard, Fox and Gillespie", "Hubbard-Thomas"), and
/// proper nouns after "work for", "employed by", "joined".
/// </summary>
internal static class OrganizationRules
{
    private static readonly WordSet OrgConnectors = new("and of the e y und en et og");

    /// <summary>"and Sons", "e figli", "og Sønner": family-firm endings, safe even in lower-case text after a connector.</summary>
    private static readonly WordSet FamilySuffixes = new("sons figli hijos associados filhos sonner sohne zonen");

    private static readonly string[] DottedSuffixes = ["s.a.", "a.s.", "v.o.s.", "s.r.o.", "b.v.", "n.v.", "s.p.a.", "s.l.", "s.a.s.", "s.r.l.", "sp. z o.o.", "e.v.", "k.k.", "s.c.", "s.n.c.", "ltda.", "s.a.b.", "a.g.", "co.", "inc.", "ltd.", "corp."];

    private static readonly WordSet SaintLike = new("saint sainte st san santa santo sankt sveti sao");

    /// <summary>Words that start a phrase, never an organisation's name ("Our Johnston Group account").</summary>
    private static readonly WordSet Determiners = new("our my your their his her its the a an this that these those every each any some no");

    private static readonly WordSet LegalSuffixes = new("inc ltd llc llp plc corp gmbh ag kg bv nv sarl srl spa oy ab pty pvt lp sa sas co");

    /// <summary>Finds organisations.</summary>
    public static void Apply(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i]) continue;
            if (Known(s, i) || Dotted(s, i) || Suffixed(s, i) || OfForm(s, i) || CompanyShape(s, i) || Cued(s, i) || CuedAfter(s, i)) i = LastReported(s);
        }
        Coordinated(s);
    }

    private static int LastReported(NameScan s) => s.Results[^1].Last;

    private static bool Known(NameScan s, int i)
    {
        var phrase = s.PhraseLength[i];
        if (phrase > 0 && (s.PhraseFlags[i] & NameFlags.KnownOrg) != 0 && s.CapLike(i) && !s.AnyClaimed(i, i + phrase - 1))
        {
            s.Report(PiiEntities.Organization, i, i + phrase - 1, 0.85, "organization: known organisation");
            return true;
        }
        if (!s.Has(i, NameFlags.KnownOrg) || !s.CapLike(i)) return false;
        if (i > 0 && s.SpaceBefore(i) && s.CapLike(i - 1) && s.Has(i - 1, NameFlags.FirstName | NameFlags.CityPrefix | NameFlags.Title)) return false;
        if (s.Has(i, NameFlags.Common | NameFlags.AnyName) && (s.NoCase || s.SentenceStart(i) || s.Shape(i, TokenShape.AllUpper) && s.Tokens[i].Length < 3)) return false;
        s.Report(PiiEntities.Organization, i, i, s.Has(i, NameFlags.Common) ? 0.6 : 0.85, "organization: known organisation");
        return true;
    }

    private static bool Suffixed(NameScan s, int i)
    {
        if (!s.Has(i, NameFlags.OrgSuffix) || i == 0 || !s.SpaceBefore(i) && s.GapBefore(i).Trim(' ').Length > 1) return false;
        var legal = LegalSuffixes.Contains(s.Word(i)) || s.Shape(i, TokenShape.AllUpper) && !s.NoCase && s.Tokens[i].Length <= 4;
        var family = FamilySuffixes.Contains(s.Word(i)) && OrgConnectors.Contains(s.Word(i - 1));
        if (!legal && !family && !s.CapLike(i)) return false;
        // Without capitals to go by, a head word that is also an English word ("group", "media") needs a distinctive word
        // before it ("lehner group", not "the support group"); a legal form that is a word ("as", "co") is not taken.
        if (s.NoCase && legal && s.Has(i, NameFlags.Common) && !family) return false;
        if (s.NoCase && !legal && !family && (s.Has(i - 1, NameFlags.Common | NameFlags.AnyNrp | NameFlags.Calendar | NameFlags.Title) || !s.Shape(i - 1, TokenShape.HasLetter) || s.Tokens[i - 1].Length < 3)) return false;
        var j = i - 1;
        var distinctive = 0;
        while (j >= 0 && i - j <= 4 && !s.Claimed[j] && !s.NewlineBefore(j + 1) && (s.SpaceBefore(j + 1) || s.GapBefore(j + 1).Trim(' ').SequenceEqual("&")))
        {
            if (Determiners.Contains(s.Word(j))) break;
            var connector = OrgConnectors.Contains(s.Word(j)) && !s.Shape(j, TokenShape.AllUpper);
            // "Heller Foods and Prohaska Pty Ltd": an organisation word before "and" ends another organisation.
            if (connector && s.IsWord(j, "and") && s.Has(j - 1, NameFlags.OrgSuffix) && !FamilySuffixes.Contains(s.Word(i))) break;
            // "of" joins an organisation's head word ("Bank of ...", "University of ..."), not a person to a firm ("Ahmed of Torwen Labs").
            if (connector && s.IsWord(j, "of") && (j == 0 || !s.Has(j - 1, NameFlags.OrgPrefix))) break;
            if (!connector && (!s.CapLike(j) || s.Has(j, NameFlags.Title | NameFlags.Calendar) || s.NoCase && s.Has(j, NameFlags.Common))) break;
            if (!connector && !s.Has(j, NameFlags.Common | NameFlags.OrgSuffix)) distinctive++;
            j--;
        }
        var first = j + 1;
        while (first < i && OrgConnectors.Contains(s.Word(first))) first++;
        // A signature block's organisation line ("Tableau Software" alone on its line) needs no distinctive word.
        var ownLine = s.NewlineBefore(first) && (i + 1 >= s.Count || s.NewlineBefore(i + 1)) && !s.NoCase;
        // "Russian Federation": a nationality and a state word name a country, not an organisation.
        if (first == i - 1 && s.Has(first, NameFlags.Nationality) && NrpRules.StateWords.Contains(s.Word(i))) return false;
        if (first >= i || (distinctive == 0 && !ownLine && !(legal && s.Shape(i - 1, TokenShape.Capitalized)) && !family)) return false;
        // "Marks Pty Ltd", "Samosir (Persero) Tbk": further legal words on the same line belong to the name.
        var last = i;
        while (last + 1 < s.Count && !s.Claimed[last + 1] && s.Has(last + 1, NameFlags.OrgSuffix) && !s.NewlineBefore(last + 1)
            && (s.SpaceBefore(last + 1) || s.GapBefore(last + 1).Trim(' ').SequenceEqual(")")) && (LegalSuffixes.Contains(s.Word(last + 1)) || s.Shape(last + 1, TokenShape.Capitalized))) last++;
        s.Report(PiiEntities.Organization, first, last, legal ? 0.85 : 0.7, s.Rule("organization: name + '", s.Tokens[i].In(s.Text), "'"));
        return true;
    }

    /// <summary>"Moreira S.A.", "Repiský a.s.", "Vlachová v.o.s.": a name and a dotted legal form.</summary>
    private static bool Dotted(NameScan s, int i)
    {
        if (!s.CapLike(i) || s.Has(i, NameFlags.Common | NameFlags.Title) || i + 1 >= s.Count) return false;
        var from = s.Tokens[i].End;
        if (from >= s.Text.Length || s.Text[from] != ' ') return false;
        var rest = s.Text.AsSpan(from + 1);
        if (rest.Length < 3 || rest.Slice(0, Math.Min(rest.Length, 6)).IndexOf('.') < 0) return false;
        foreach (var suffix in DottedSuffixes)
        {
            if (rest.Length < suffix.Length || !rest.StartsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            if (rest.Length > suffix.Length && char.IsLetterOrDigit(rest[suffix.Length])) continue;
            var end = from + 1 + suffix.Length;
            var last = i;
            while (last + 1 < s.Count && s.Tokens[last + 1].End <= end) last++;
            if (last == i || s.AnyClaimed(i, last)) return false;
            var first = i;
            while (first > 0 && s.SpaceBefore(first) && s.CapLike(first - 1) && !s.Claimed[first - 1] && !s.Has(first - 1, NameFlags.Common | NameFlags.Title) && i - first < 2) first--;
            s.Report(PiiEntities.Organization, first, last, 0.8, s.Rule("organization: name + legal form '", suffix, "'"));
            return true;
        }
        return false;
    }

    private static bool OfForm(NameScan s, int i)
    {
        if (!s.Has(i, NameFlags.OrgPrefix) || !s.Shape(i, TokenShape.Capitalized) || s.NoCase || !s.IsWord(i + 1, "of") || i + 2 >= s.Count || !s.CapLike(i + 2)) return false;
        var e = i + 2;
        while (e + 1 < s.Count && e - i < 5 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Claimed[e + 1]) e++;
        if (s.AnyClaimed(i, e)) return false;
        s.Report(PiiEntities.Organization, i, e, 0.8, s.Rule("organization: '", s.Tokens[i].In(s.Text), " of' + name"));
        // "University of Zafferana Etnea": labelled data marks the town as a place; both readings are reported, the place
        // better scored, so a single reading keeps the town (the organisation stays for callers who take every result).
        if (!s.Has(i + 2, NameFlags.KnownOrg | NameFlags.AnyNrp | NameFlags.Common) || s.Has(i + 2, NameFlags.AnyPlace))
            s.Results.Add(new NameSpan(PiiEntities.Location, i + 2, e, 0.85, "location: place in an organisation's name"));
        return true;
    }

    /// <summary>"Hubbard, Fox and Gillespie" (three surnames) and "Hubbard-Thomas" (two surnames joined).</summary>
    private static bool CompanyShape(NameScan s, int i)
    {
        var ownLine = s.NewlineBefore(i) && i + 2 < s.Count && s.NewlineBefore(i + 2);
        if (!s.NoCase && !s.Shape(i, TokenShape.Capitalized) || s.NoCase && !Cues.OrganizationBefore(s, i) && !s.IsWord(i - 1, "at") && !ownLine) return false;
        var afterFirstName = i > 0 && s.SpaceBefore(i) && s.Has(i - 1, NameFlags.FirstName) && s.CapLike(i - 1);
        if (!afterFirstName && i + 3 < s.Count && Surname(s, i) && Surname(s, i + 1) && s.IsWord(i + 2, "and") && Surname(s, i + 3) && !s.Has(i + 3, NameFlags.OrgSuffix)
            && s.GapBefore(i + 1).SequenceEqual(", ") && !s.AnyClaimed(i, i + 3))
        {
            s.Report(PiiEntities.Organization, i, i + 3, 0.7, "organization: 'A, B and C' of surnames");
            return true;
        }
        // Faker's "Sipes - Parisian": two surnames around a spaced dash.
        if (i + 1 < s.Count && Surname(s, i) && Surname(s, i + 1) && s.GapBefore(i + 1).SequenceEqual(" - ") && !s.AnyClaimed(i, i + 1))
        {
            s.Report(PiiEntities.Organization, i, i + 1, 0.6, "organization: 'A - B' of surnames");
            return true;
        }
        var word = s.Word(i);
        var hyphen = word.IndexOf('-');
        if (hyphen <= 1 || hyphen >= word.Length - 2 || word[(hyphen + 1)..].IndexOf('-') >= 0) return false;
        var left = s.Gazetteer.Lookup(word[..hyphen]).Flags;
        var right = s.Gazetteer.Lookup(word[(hyphen + 1)..]).Flags;
        const NameFlags surname = NameFlags.LastName | NameFlags.PeopleName;
        if ((s.Flags[i] & NameFlags.AnyPlace) != 0 || (left & (NameFlags.CityPrefix | NameFlags.AnyPlace)) != 0 && (left & (NameFlags.LastName | NameFlags.PeopleName)) == 0 || SaintLike.Contains(word[..hyphen])) return false;
        if ((left & surname) == 0 || (right & surname) == 0 || (left & NameFlags.FirstName) != 0 && (right & NameFlags.FirstName) != 0) return false;
        if (Cues.PersonAfter(s, i, strongOnly: true)) return false;
        // "Alan Kanea-Carrera", "Dr Pandey-Talwar": a double-barrelled surname after a name or title.
        if (i > 0 && s.SpaceBefore(i) && s.CapLike(i - 1) && (s.Has(i - 1, NameFlags.FirstName) || !s.Has(i - 1, NameFlags.Common | NameFlags.OrgPrefix | NameFlags.AnyPlace))
            || s.Has(i - 1, NameFlags.Title) || i > 0 && s.Tokens[i - 1].Length == 1 && s.GapBefore(i).SequenceEqual(". ")) return false;
        s.Report(PiiEntities.Organization, i, i, 0.5, "organization: 'A-B' of surnames");
        return true;
    }

    private static bool Surname(NameScan s, int i) => s.Has(i, NameFlags.LastName | NameFlags.PeopleName) && s.CapLike(i) && !s.Claimed[i];

    /// <summary>Verbs that take a firm as their subject ("X has hired", "X acquired").</summary>
    private static readonly WordSet FirmVerbs = new("hired acquired headquartered merged listed employs shares stock announced unveiled launched");

    /// <summary>What follows a firm named after "from": "X from Neamind returning your call", "heard from Zeadous that ...".</summary>
    private static readonly WordSet AfterFromFirm = new("that returning will would about regarding called calling wrote sent emailed says said is has confirmed");

    /// <summary>
    /// "Tara Wilkinson from Savourour will ...", "I heard from Zeadous that ...": an unknown proper noun after "from" is a firm,
    /// not a place, when a person stands right before "from" or a verb or "that" follows it. Reports it and returns true.
    /// </summary>
    internal static bool FromFirm(NameScan s, int i)
    {
        if (s.NoCase || i < 1 || !s.IsWord(i - 1, "from") || s.Flags[i] != NameFlags.None || !s.CapLike(i) || s.Tokens[i].Length < 3 || s.Shape(i, TokenShape.AllUpper)) return false;
        var e = i;
        while (e + 1 < s.Count && e - i < 2 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && s.Flags[e + 1] == NameFlags.None && !s.Claimed[e + 1]) e++;
        var personBefore = false;
        foreach (var r in s.Results) if (r.Entity == PiiEntities.Person && r.Last == i - 2) personBefore = true;
        var verbAfter = e + 1 < s.Count && s.SpaceBefore(e + 1) && AfterFromFirm.Contains(s.Word(e + 1));
        if (!personBefore && !verbAfter) return false;
        s.Report(PiiEntities.Organization, i, e, 0.55, "organization: unknown proper noun after '<person> from'");
        return true;
    }

    /// <summary>"Geamouk has hired ...", "Briapial acquired ...": an unknown proper noun before a firm's verb.</summary>
    private static bool CuedAfter(NameScan s, int i)
    {
        if (!s.CapLike(i) || s.Flags[i] != NameFlags.None || s.Tokens[i].Length < 3 || s.Claimed[i]) return false;
        var e = i;
        while (e + 1 < s.Count && e - i < 2 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && s.Flags[e + 1] == NameFlags.None && !s.Claimed[e + 1]) e++;
        var v = e + 1;
        if (v < s.Count && (s.IsWord(v, "has") || s.IsWord(v, "had") || s.IsWord(v, "is") || s.IsWord(v, "was"))) v++;
        // "about the Chyhevil account": a determiner, an unknown proper noun, then "account".
        var account = v == e + 1 && v < s.Count && s.IsWord(v, "account") && i > 0 && Determiners.Contains(s.Word(i - 1));
        if (v >= s.Count || !FirmVerbs.Contains(s.Word(v)) && !account || s.GapBefore(e + 1).Trim(' ').Length > 0) return false;
        s.Report(PiiEntities.Organization, i, e, 0.6, "organization: proper noun before a firm's verb");
        return true;
    }

    /// <summary>"Brygear and Samosir Tbk": an unknown proper noun coordinated with an organisation is one too.</summary>
    private static void Coordinated(NameScan s)
    {
        var count = s.Results.Count;
        for (var k = 0; k < count; k++)
        {
            var r = s.Results[k];
            if (r.Entity != PiiEntities.Organization) continue;
            var b = r.First - 2;
            if (b >= 0 && s.IsWord(b + 1, "and") && s.SpaceBefore(b + 1) && s.SpaceBefore(r.First) && Unknown(s, b))
            {
                var first = b;
                while (first > 0 && b - first < 2 && s.SpaceBefore(first) && Unknown(s, first - 1)) first--;
                s.Report(PiiEntities.Organization, first, b, 0.5, "organization: proper noun coordinated with an organisation");
            }
            var a = r.Last + 2;
            if (a < s.Count && s.IsWord(a - 1, "and") && s.SpaceBefore(a - 1) && s.SpaceBefore(a) && Unknown(s, a))
                s.Report(PiiEntities.Organization, a, a, 0.5, "organization: proper noun coordinated with an organisation");
        }
    }

    private static bool Unknown(NameScan s, int i) =>
        i >= 0 && i < s.Count && !s.Claimed[i] && !s.NoCase && s.Shape(i, TokenShape.Capitalized) && s.Flags[i] == NameFlags.None && s.Tokens[i].Length >= 3 && s.CapLike(i);

    private static bool Cued(NameScan s, int i)
    {
        if (!s.CapLike(i) || s.Has(i, NameFlags.Common | NameFlags.Title | NameFlags.Calendar) || !Cues.OrganizationBefore(s, i)) return false;
        var e = i;
        while (e + 1 < s.Count && e - i < 3 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Claimed[e + 1] && !s.Has(e + 1, NameFlags.Calendar)
            && !(s.NoCase && s.Has(e + 1, NameFlags.Common) && !s.Has(e + 1, NameFlags.OrgSuffix))) e++;
        // "works for Ryan and Sons": run on to an organisation word a connector or two ahead.
        for (var k = e + 1; k < s.Count && k - e <= 3 && s.SpaceBefore(k) && !s.Claimed[k]; k++)
        {
            if (s.Has(k, NameFlags.OrgSuffix) && (!s.NoCase || !s.Has(k, NameFlags.Common) || FamilySuffixes.Contains(s.Word(k)))) { e = k; break; }
            if (!OrgConnectors.Contains(s.Word(k)) && !s.CapLike(k)) break;
        }
        s.Report(PiiEntities.Organization, i, e, 0.6, "organization: proper noun after an employment cue");
        return true;
    }
}
