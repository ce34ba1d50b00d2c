using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Last PERSON steps over what the rules found: a name is widened to the left over an unknown proper noun right
/// before it ("Siagos Zeahuth", where only the surname was known), and an unknown proper noun coordinated with a
/// person ("Romeo and Zaitam", "Chouflaix and Brown") is a person too.
/// </summary>
internal static class PersonSpans
{
    private const NameFlags NotName = NameFlags.Calendar | NameFlags.Title | NameFlags.Unit | NameFlags.StreetType | NameFlags.KnownOrg |
        NameFlags.OrgSuffix | NameFlags.OrgPrefix | NameFlags.AnyNrp | NameFlags.AnyPlace | NameFlags.CityPrefix;

    /// <summary>Applies both steps, then takes a firm in brackets after a name.</summary>
    public static void Apply(NameScan s)
    {
        Widen(s);
        var count = s.Results.Count;
        for (var k = 0; k < count; k++)
        {
            var r = s.Results[k];
            // "Aurora Bjørnstad (Chilobreak)": an unknown proper noun in brackets right after a person is their firm.
            var b = r.Last + 1;
            if (r.Entity != PiiEntities.Person || b >= s.Count || !s.GapBefore(b).SequenceEqual(" (") || s.Claimed[b] || s.Flags[b] != NameFlags.None || !s.CapLike(b) || s.NoCase) continue;
            var e = b;
            while (e + 1 < s.Count && e - b < 2 && s.SpaceBefore(e + 1) && s.CapLike(e + 1) && !s.Claimed[e + 1] && !s.Has(e + 1, NameFlags.Common)) e++;
            if (e + 1 < s.Count && s.GapBefore(e + 1).StartsWith(")") || e + 1 == s.Count && s.Text.AsSpan(s.Tokens[e].End).StartsWith(")"))
                s.Report(PiiEntities.Organization, b, e, 0.5, "organization: proper noun in brackets after a name");
        }
    }

    private static void Widen(NameScan s)
    {
        var results = s.Results;
        var count = results.Count;
        for (var k = 0; k < count; k++)
        {
            var r = results[k];
            if (r.Entity != PiiEntities.Person) continue;
            var first = r.First;
            while (first > 0 && r.Last - first < 3 && s.GapBefore(first).SequenceEqual(" ") && Unknown(s, first - 1, allowKnownGiven: true)) first--;
            if (first < r.First)
            {
                for (var t = first; t < r.First; t++) s.Claimed[t] = true;
                results[k] = r with { First = first, Rule = s.Explains ? r.Rule + " (widened left)" : r.Rule };
            }
        }
        for (var k = 0; k < count; k++)
        {
            var r = results[k];
            if (r.Entity != PiiEntities.Person) continue;
            // "X and Y": the partner after the name, then the one before it.
            if (r.Last + 2 < s.Count && Coordinator(s, r.Last + 1) && Unknown(s, r.Last + 2, allowKnownGiven: false) && !s.SentenceStart(r.Last + 2))
            {
                var e = PersonRules.Extent(s, r.Last + 2);
                s.Report(PiiEntities.Person, r.Last + 2, e, 0.5, "person: proper noun coordinated with a name");
            }
            if (r.First >= 2 && Coordinator(s, r.First - 1) && Unknown(s, r.First - 2, allowKnownGiven: false))
            {
                var b = r.First - 2;
                while (b > 0 && r.First - 2 - b < 2 && s.GapBefore(b).SequenceEqual(" ") && Unknown(s, b - 1, allowKnownGiven: true)) b--;
                s.Report(PiiEntities.Person, b, r.First - 2, 0.5, "person: proper noun coordinated with a name");
            }
        }
    }

    private static bool Coordinator(NameScan s, int i) =>
        (s.IsWord(i, "and") || s.IsWord(i, "or") || s.IsWord(i, "und") || s.IsWord(i, "et")) && s.GapBefore(i).SequenceEqual(" ") && s.GapBefore(i + 1).SequenceEqual(" ");

    /// <summary>An unclaimed capitalised word that no list gives another reading (a known given name may be allowed).</summary>
    private static bool Unknown(NameScan s, int i, bool allowKnownGiven)
    {
        if (i < 0 || i >= s.Count || s.Claimed[i] || s.NoCase || !s.Shape(i, TokenShape.Capitalized) || s.Shape(i, TokenShape.AllUpper) || s.Tokens[i].Length < 2 || !s.CapLike(i)) return false;
        if (PersonRules.IsPronoun(s, i)) return false;
        var flags = s.Flags[i];
        if ((flags & NotName) != 0) return false;
        if (allowKnownGiven && (flags & NameFlags.AnyName) != 0 && (flags & NameFlags.Common) == 0) return true;
        return (flags & (NameFlags.Common | NameFlags.AnyName)) == 0 || (flags & NameFlags.AnyName) != 0 && (flags & NameFlags.Common) == 0;
    }
}
