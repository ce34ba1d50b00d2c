namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// A street named without a house number after a cue: "her flat is on Okul Sokak", "we walked along Moore Ridges",
/// "just off Ernser Prairie". Proper nouns (one to three) and a street-type word, after "on", "along", "off", "onto".
/// </summary>
internal static class StreetMentions
{
    private static readonly WordSet CueWords = new("on along off onto down up via to at from");
    private static readonly WordSet WeakCues = new("to at from");

    /// <summary>Finds cued street names.</summary>
    public static void Apply(NameScan s)
    {
        for (var i = s.NextCandidate(1); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i] || !CueWords.Contains(s.Word(i - 1)) || !s.SpaceBefore(i)) continue;
            // "on Bulevardul Preluca", "on Boulevard d'Assas": a street type first, then its name.
            if (AddressRules.PrefixTypes.Contains(s.Word(i)) && (s.CapLike(i) || s.Tokens[i].Length <= 3) && !s.NoCase && i + 1 < s.Count && Part(s, i + 1)
                && s.GapBefore(i + 1).Trim(' ').Length <= 1)
            {
                var last = i + 1;
                while (last + 1 < s.Count && last - i < 3 && s.SpaceBefore(last + 1) && Part(s, last + 1)) last++;
                s.Report(PiiEntities.Location, i, last, 0.6, s.Rule("address: street type + name after '", s.Tokens[i - 1].In(s.Text), "'"));
                i = last;
                continue;
            }
            if (!Part(s, i)) continue;
            // "delivered to Saarstr.", "on Erikgata": one word that ends like a street, after the cue.
            if (s.Has(i, NameFlags.StreetWord) && !s.Has(i, NameFlags.AnyName | NameFlags.AnyPlace) && !(i + 1 < s.Count && s.SpaceBefore(i + 1) && Part(s, i + 1)))
            {
                s.Report(PiiEntities.Location, i, i, 0.6, s.Rule("address: street word after '", s.Tokens[i - 1].In(s.Text), "'"));
                continue;
            }
            var e = i;
            while (e + 1 < s.Count && e - i < 3 && s.SpaceBefore(e + 1) && !s.Has(e, NameFlags.StreetType) && Part(s, e + 1)) e++;
            if (e == i || !s.Has(e, NameFlags.StreetType) || s.Has(i, NameFlags.StreetType) && !s.Has(i, NameFlags.AnyName)) continue;
            // After "to", "at" or "from" a type that is also a surname ("Congrats to Tuchok Green") reads as a person.
            if (WeakCues.Contains(s.Word(i - 1)) && s.Has(e, NameFlags.AnyName) && Cues.PersonBefore(s, i)) continue;
            s.Report(PiiEntities.Location, i, e, 0.6, s.Rule("address: street name after '", s.Tokens[i - 1].In(s.Text), "'"));
            i = e;
        }
    }

    private static bool Part(NameScan s, int i) =>
        !s.Claimed[i] && s.CapLike(i) && !s.NoCase && !s.Has(i, NameFlags.Calendar | NameFlags.Title | NameFlags.OrgSuffix | NameFlags.KnownOrg)
        && (!s.Has(i, NameFlags.Common) || s.Has(i, NameFlags.StreetType | NameFlags.AnyName | NameFlags.StreetName));
}
