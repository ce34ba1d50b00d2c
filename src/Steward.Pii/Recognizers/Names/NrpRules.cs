namespace Steward.Pii.Recognizers.Names;

/// <summary>NRP: nationalities and demonyms, religions and political groups, from the gazetteer, in any case.</summary>
internal static class NrpRules
{
    /// <summary>Words that are NRP only when capitalised ("the Greens", not "greens").</summary>
    private static readonly WordSet Ambiguous = new(
        "conservative conservatives liberal liberals progressive progressives green greens orthodox democratic evangelical " +
        "evangelicals populist populists whig whigs tory tories labour union african asian european latin roma english " +
        "jain jains shinto sikh");

    internal static readonly WordSet StateWords = new("federation republic emirates islands kingdom confederation commonwealth territories territory");

    /// <summary>
    /// Finds nationalities, religious and political groups. When the caller asks for LOCATION but not NRP
    /// (<paramref name="asLocation"/>), nationalities are reported as LOCATION, as older presidio-research data labels
    /// them ("the sudanese government"); religions and political groups are then left out.
    /// </summary>
    public static void Apply(NameScan s, bool asLocation = false)
    {
        for (var i = s.NextCandidate(0); i < s.Count; i = s.NextCandidate(i + 1))
        {
            if (s.Claimed[i]) continue;
            var phrase = s.PhraseLength[i];
            if (phrase > 0 && (s.PhraseFlags[i] & NameFlags.AnyNrp) != 0 && !s.AnyClaimed(i, i + phrase - 1))
            {
                Report(s, i, i + phrase - 1, 0.85, s.PhraseFlags[i], asLocation);
                i += phrase - 1;
                continue;
            }
            var flags = s.Flags[i];
            if ((flags & NameFlags.AnyNrp) == 0 || InsidePlace(s, i)) continue;
            // "Russian Federation", "Dominican Republic": a nationality word heading a state's name is a place.
            if ((flags & NameFlags.Nationality) != 0 && i + 1 < s.Count && StateWords.Contains(s.Word(i + 1)) && s.SpaceBefore(i + 1) && s.CapLike(i + 1) && !s.Claimed[i + 1])
            {
                s.Report(PiiEntities.Location, i, i + 1, 0.8, "location: nationality + state word");
                i++;
                continue;
            }
            if (Ambiguous.Contains(s.Word(i)) && (s.NoCase || !s.Shape(i, Steward.Pii.Text.TokenShape.Capitalized))) continue;
            // "Christian Bale", "Georgia": a name or place reading wins when the word is capitalised in the middle of a name.
            if ((flags & NameFlags.AnyName) != 0 && i + 1 < s.Count && s.Has(i + 1, NameFlags.LastName) && s.SpaceBefore(i + 1)) continue;
            Report(s, i, i, (flags & NameFlags.Common) != 0 ? 0.6 : 0.85, flags, asLocation);
        }
    }

    private static void Report(NameScan s, int first, int last, double score, NameFlags flags, bool asLocation)
    {
        if (!asLocation) s.Report(PiiEntities.Nrp, first, last, score, s.Rule("nrp: ", Kind(flags)));
        else if ((flags & NameFlags.Nationality) != 0) s.Report(PiiEntities.Location, first, last, score, "location: nationality (NRP not requested)");
        else for (var k = first; k <= last; k++) s.Claimed[k] = true;
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
