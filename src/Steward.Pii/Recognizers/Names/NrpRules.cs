namespace Steward.Pii.Recognizers.Names;

/// <summary>NRP: nationalities and demonyms, religions and political groups, from the gazetteer, in any case.</summary>
internal static class NrpRules
{
    /// <summary>Words that are NRP only when capitalised ("the Greens", not "greens").</summary>
    private static readonly WordSet Ambiguous = new(
        "conservative conservatives liberal liberals progressive progressives green greens orthodox democratic evangelical " +
        "evangelicals populist populists whig whigs tory tories labour union african asian european latin roma english " +
        "jain jains shinto sikh");

    /// <summary>Finds nationalities, religious and political groups.</summary>
    public static void Apply(NameScan s)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i]) continue;
            var phrase = s.PhraseLength[i];
            if (phrase > 0 && (s.PhraseFlags[i] & NameFlags.AnyNrp) != 0 && !s.AnyClaimed(i, i + phrase - 1))
            {
                s.Report(PiiEntities.Nrp, i, i + phrase - 1, 0.85, "nrp: " + Kind(s.PhraseFlags[i]));
                i += phrase - 1;
                continue;
            }
            var flags = s.Flags[i];
            if ((flags & NameFlags.AnyNrp) == 0 || InsidePlace(s, i)) continue;
            if (Ambiguous.Contains(s.Word(i)) && (s.NoCase || !s.Shape(i, Steward.Pii.Text.TokenShape.Capitalized))) continue;
            // "Christian Bale", "Georgia": a name or place reading wins when the word is capitalised in the middle of a name.
            if ((flags & NameFlags.AnyName) != 0 && i + 1 < s.Count && s.Has(i + 1, NameFlags.LastName) && s.SpaceBefore(i + 1)) continue;
            s.Report(PiiEntities.Nrp, i, i, (flags & NameFlags.Common) != 0 ? 0.6 : 0.85, "nrp: " + Kind(flags));
        }
    }

    /// <summary>"Central African Republic": the word is part of a longer place name.</summary>
    private static bool InsidePlace(NameScan s, int i)
    {
        for (var k = Math.Max(0, i - 3); k < i; k++)
            if (s.PhraseLength[k] > i - k && (s.PhraseFlags[k] & (NameFlags.AnyPlace | NameFlags.KnownOrg)) != 0) return true;
        return s.PhraseLength[i] > 1 && (s.PhraseFlags[i] & (NameFlags.AnyPlace | NameFlags.KnownOrg)) != 0;
    }

    private static string Kind(NameFlags flags) =>
        (flags & NameFlags.Nationality) != 0 ? "nationality" : (flags & NameFlags.Religion) != 0 ? "religion" : "political group";
}
