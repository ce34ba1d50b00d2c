namespace Steward.Pii.Recognizers.Names;

/// <summary>Context phrases that say what the next or previous proper noun is ("my name is", "lives in", "X said").</summary>
internal static class Cues
{
    private static readonly WordSet CallVerbs = new("call calls called calling");
    private static readonly WordSet GreetingWords = new("dear hi hello hey thanks thx thanx ty regards sincerely cheers bye goodbye congratulations welcome");
    private static readonly WordSet AddressingVerbs = new(
        "told tell tells asked ask asks thanked thank thanks met meet meets married marry contacted contact emailed email texted text " +
        "named introduced invited phoned ring rang call called say says said " +
        "kid son daughter wife husband friend brother sister mother father mom mum dad boss manager colleague partner uncle aunt " +
        "cousin nephew niece grandson granddaughter grandma grandpa boyfriend girlfriend fiance fiancee neighbour neighbor");
    private static readonly WordSet LabelWords = new(
        "attn attention contact from to cc customer client patient author signed name surname recipient sender employee applicant " +
        "person hire guest passenger driver tenant owner holder cardholder beneficiary payee witness host speaker student member " +
        "profile candidate reporter interviewee organiser organizer");
    private static readonly WordSet PersonVerbsBefore = new(
        "told tell tells asked ask asks thanked met meet meets married marry contacted contact emailed email texted text " +
        "by named name surname nickname forename introduced invited phoned ring rang starring featuring say says said " +
        "kid son daughter wife husband friend brother sister mother father mom mum dad boss manager colleague partner uncle aunt " +
        "cousin nephew niece grandson granddaughter grandma grandpa boyfriend girlfriend fiance fiancee neighbour neighbor " +
        "teacher doctor lawyer client customer patient mr mrs ms call attention attn " +
        "reporter correspondent journalist driver foreman coach ceo cfo cto founder chairman chairwoman president senator judge officer " +
        "captain professor minister director landlord landlady tenant author novelist poet singer actor actress striker goalkeeper " +
        "nurse surgeon chef pilot sergeant governor spokesman spokeswoman spokesperson engineer developer designer architect " +
        "consultant agent detective inspector chancellor premier rapper comedian chemist physicist economist lawmaker candidate suspect " +
        "witness plaintiff defendant attorney prosecutor intern trainee roommate flatmate classmate coworker teammate assistant " +
        "woman man girl boy lady gentleman");
    private static readonly WordSet PersonVerbsAfter = new(
        "said says told tells asked asks shouted replied replies wrote writes explained explains added adds smiled laughed " +
        "whispered answered answers called calls lives lived works worked thinks thought believes wants wanted cried " +
        "yelled screamed agreed argued noted insisted had has was is will would can could did does " +
        "began begins started starts spent spends became becomes joined joins graduated studied received won died left " +
        "scored fled lost claimed denied confirmed admitted resigned arrived signed testified revealed warned " +
        "returned founded published directed played starred stated announced " +
        "forgot got gets moved moves needs needed let lets loves loved likes liked knows knew took takes gave gives went goes came comes " +
        "sent sends grew grows chaired designed won wins resigned hired emailed called texted phoned visited booked paid paints painted");
    private static readonly WordSet StrongVerbsAfter = new(
        "said says told tells asked asks shouted replied replies wrote writes explained explains added adds smiled laughed " +
        "whispered answered answers lives lived works worked cried yelled screamed agreed argued noted insisted " +
        "began started spent became graduated studied died returned founded published directed starred " +
        "scored fled claimed denied confirmed admitted resigned testified revealed warned");
    /// <summary>Sentence-opening questions about someone: "Is X around?", "Can X cover my shift?", "Did X call?"</summary>
    private static readonly WordSet QuestionOpeners = new("is was can could did does will would has should may");

    private static readonly WordSet WhWords = new("when where why how what");

    /// <summary>Closing words of a letter; the next line is the sender's name.</summary>
    private static readonly WordSet SignOffs = new("regards sincerely cheers thanks best yours cordially respectfully wishes love warmly faithfully truly care soon");

    /// <summary>Nouns after "X, a ..." that describe a place or a firm, not a person.</summary>
    private static readonly WordSet NonPersonAppositions = new(
        "city town village country region province state suburb district island river lake mountain company firm brand startup group " +
        "bank band club team county port municipality capital neighbourhood neighborhood");

    /// <summary>"congrats to X", "speak with X", "interview with X": a verb or noun two words before, then "to"/"with".</summary>
    private static readonly WordSet ToWithHeads = new(
        "congrats congratulations speak spoke speaking talk talked talking chat chatted interview meeting met married engaged " +
        "forward forwarded reply replied replying write wrote writing introduce introduced belongs belonged addressed");

    private static readonly WordSet VocativeFollowers = new("can could would will please i you do are have thank thanks how what where when why is");
    private static readonly WordSet LocationWords = new("in near from to at into toward towards across around outside inside via");
    private static readonly WordSet StrongLocationVerbs = new(
        "lives live living lived born grew moved moving move located based situated raised visiting visited travel travelled traveled " +
        "arrived arrive flew fly drove relocated relocating headquartered stationed stay stayed staying");
    private static readonly WordSet DepartVerbs = new("left leave leaves leaving headed heading head bound departed departing depart sailed sailing");
    private static readonly WordSet PlaceLabels = new("country city town state region province where location destination origin hometown birthplace place birth");

    /// <summary>"flight to X", "on our way to X", "a trip to X": nouns of travel before "to".</summary>
    private static readonly WordSet TravelNouns = new("flight flights way trip journey ticket tickets train bus ferry drive road route travel travelling traveling fly flying return");
    private static readonly WordSet PlaceOfNouns = new(
        "mayor city town village capital province state region county municipality outskirts suburbs streets people residents " +
        "citizens centre center heart port district");
    private static readonly WordSet OrgVerbs = new(
        "work works worked working employed employer joined join hired company firm ceo cto founder founded " +
        "shares stock spokesperson spokesman spokeswoman subsidiary chairman chairwoman employees staff shareholders cofounded acquired " +
        "office offices branch branches division headquarters");

    /// <summary>Strong cue right before token <paramref name="i"/>: "my name is", "name:", "call me", "I am", "Dear".</summary>
    public static bool StrongPersonBefore(NameScan s, int i)
    {
        if (i <= 0) return false;
        if (s.IsWord(i - 1, "is") && (s.IsWord(i - 2, "name") || s.IsWord(i - 2, "names"))) return true;
        if ((s.IsWord(i - 1, "name") || s.IsWord(i - 1, "surname")) && s.GapBefore(i).IndexOf(':') >= 0) return true;
        if (s.IsWord(i - 1, "me") && i >= 2 && CallVerbs.Contains(s.Word(i - 2))) return true;
        if (s.IsWord(i - 1, "am") && s.IsWord(i - 2, "i")) return true;
        if (s.IsWord(i - 1, "i'm") || s.IsWord(i - 1, "named") || s.IsWord(i - 1, "im")) return true;
        if (s.IsWord(i - 1, "is") && s.IsWord(i - 2, "this")) return true;
        // "Are you Xaas Stegouou?": a question opening a conversation.
        if (s.IsWord(i - 1, "you") && s.IsWord(i - 2, "are") && s.SentenceStart(i - 2) && s.GapBefore(i).SequenceEqual(" ")) return true;
        if (s.GapBefore(i).IndexOf(':') >= 0 && LabelWords.Contains(s.Word(i - 1))) return true;
        if (s.IsWord(i - 1, "to") && s.IsWord(i - 2, "according")) return true;
        if ((s.IsWord(i - 1, "name") || s.IsWord(i - 1, "surname")) && s.GapBefore(i).IndexOf('?') >= 0) return true;
        // "Regards,\nSyhind B. Feil": a sign-off line, then the name on its own line.
        if (SignOffs.Contains(s.Word(i - 1)) && s.NewlineBefore(i) && s.GapBefore(i).IndexOf(',') >= 0 && (s.NewlineBefore(i - 1) || ShortLine(s, i - 1))) return true;
        return GreetingWords.Contains(s.Word(i - 1)) && s.GapBefore(i).IndexOfAny('\n', '.') < 0;
    }

    /// <summary>True when the line ending at token <paramref name="last"/> holds at most three words ("Best wishes,", "With love,").</summary>
    private static bool ShortLine(NameScan s, int last)
    {
        for (var k = last; k > last - 3; k--) if (k <= 0 || s.NewlineBefore(k)) return true;
        return false;
    }

    /// <summary>Weaker cue before token <paramref name="i"/>: a verb or preposition that often takes a person.</summary>
    public static bool PersonBefore(NameScan s, int i)
    {
        if (i <= 0 || s.GapBefore(i).IndexOfAny('.', '\n', '!') >= 0) return false;
        if (PersonVerbsBefore.Contains(s.Word(i - 1))) return true;
        // "Per Dreazos, the numbers...": "per" + name + comma.
        if (s.IsWord(i - 1, "per") && s.SentenceStart(i - 1)) return true;
        if (s.IsWord(i - 1, "is") && s.IsWord(i - 2, "who")) return true;
        if (i >= 2 && (s.IsWord(i - 1, "to") || s.IsWord(i - 1, "with")))
        {
            // "congrats to X", "please forward this to X": the head at most two words before "to"/"with", in one clause.
            for (var k = i - 2; k >= 0 && k >= i - 4; k--)
            {
                if (ToWithHeads.Contains(s.Word(k))) return true;
                if (s.GapBefore(k + 1).IndexOfAny(".,;:!?\n") >= 0) break;
            }
        }
        // "Is Figuyan available?", "When did Dryju last update...?"
        return QuestionOpeners.Contains(s.Word(i - 1)) && s.GapBefore(i).SequenceEqual(" ")
            && (s.SentenceStart(i - 1) || i >= 2 && WhWords.Contains(s.Word(i - 2)) && s.SentenceStart(i - 2));
    }

    /// <summary>A verb or noun that takes a person ("ask X", "thanked X", "my neighbour X"): enough even for a name that is also a word.</summary>
    public static bool AddressingBefore(NameScan s, int i) => i > 0 && s.GapBefore(i).IndexOfAny(".\n!?") < 0 && AddressingVerbs.Contains(s.Word(i - 1));

    /// <summary>Cue after token <paramref name="last"/>: "X said", "X's", "X had given".</summary>
    public static bool PersonAfter(NameScan s, int last, bool strongOnly)
    {
        if (last + 1 >= s.Count) return false;
        var gap = s.GapBefore(last + 1);
        var next = s.Word(last + 1);
        // "Jakobine, can I please speak to your boss?": a name called at the start of a sentence.
        if (gap.Trim(' ').SequenceEqual(",") && s.SentenceStart(last) && VocativeFollowers.Contains(next)) return true;
        if (gap.IndexOfAny('.', '\n', '!') >= 0 || gap.IndexOf('?') >= 0) return false;
        if (gap.IndexOf(',') >= 0)
        {
            // "Rimemi Taroda, who founded ...", "Blake West, 34, was arrested": a relative clause or an age after a comma.
            if (s.IsWord(last + 1, "who") || s.IsWord(last + 1, "whose")) return true;
            // "hey its Briaze, can u text me": a name called, then a question or request.
            if (!strongOnly && gap.Trim(' ').SequenceEqual(",") && VocativeFollowers.Contains(next)) return true;
            return s.IsNumber(last + 1) && s.Tokens[last + 1].Length <= 3 && last + 2 < s.Count && s.GapBefore(last + 2).TrimStart(' ').StartsWith(",");
        }
        // "a table for X and me".
        if (s.IsWord(last + 1, "and") && (s.IsWord(last + 2, "me") || s.IsWord(last + 2, "i")) && gap.SequenceEqual(" ")) return true;
        // "Zugeka Sijee and her partner".
        if (s.IsWord(last + 1, "and") && (s.IsWord(last + 2, "her") || s.IsWord(last + 2, "his")) && gap.SequenceEqual(" ") && !strongOnly) return true;
        return strongOnly ? StrongVerbsAfter.Contains(next) : PersonVerbsAfter.Contains(next);
    }

    /// <summary>"Reach me on ... after six, Driarox": a name called at the very end of a sentence, after a comma.</summary>
    public static bool VocativeAtEnd(NameScan s, int first, int last)
    {
        if (first < 1 || !s.GapBefore(first).SequenceEqual(", ") || s.NewlineBefore(first)) return false;
        if (last + 1 < s.Count)
        {
            var gap = s.GapBefore(last + 1);
            if (gap.Trim(' ').IsEmpty || gap.Trim(" .!?").Length > 0 && gap.IndexOf('\n') < 0) return false;
            return gap.IndexOfAny("!?\n") >= 0;
        }
        return s.Text.AsSpan(s.Tokens[last].End).Trim(" .!?\r\n").IsEmpty;
    }

    /// <summary>"Raisy Brunet, a Malaysian architect, ...": an apposition that describes a person.</summary>
    public static bool AppositionAfter(NameScan s, int last)
    {
        if (last + 2 >= s.Count || !s.GapBefore(last + 1).SequenceEqual(", ") || !(s.IsWord(last + 1, "a") || s.IsWord(last + 1, "an"))) return false;
        for (var k = last + 2; k < s.Count && k <= last + 4; k++)
        {
            if (NonPersonAppositions.Contains(s.Word(k))) return false;
            if (s.GapBefore(k).IndexOfAny(",.;") >= 0) break;
        }
        return true;
    }

    /// <summary>Location cue before token <paramref name="i"/>: "in", "from", "lives in", "born in", "moved to", "Where:".</summary>
    public static int LocationBefore(NameScan s, int i)
    {
        if (i <= 0) return 0;
        var gap = s.GapBefore(i);
        if (gap.IndexOfAny(".\n!?") >= 0) return 0;
        if (s.IsWord(i - 1, "where") && gap.IndexOf(':') >= 0) return 2;
        if (gap.Trim(' ').Length > 0 && gap.Trim(' ').SequenceEqual(",") && s.Has(i - 1, NameFlags.AnyPlace)) return 1;
        // "Gjesstad → Tandnes → Bermuda": an itinerary's arrow after a place.
        if (gap.Trim(' ').SequenceEqual("→") && s.Claimed[i - 1] && LocationEndsAt(s, i - 1)) return 2;
        if (gap.IndexOf(':') >= 0 && PlaceLabels.Contains(s.Word(i - 1))) return 2;
        if (s.IsWord(i - 1, "of") && i >= 2 && PlaceOfNouns.Contains(s.Word(i - 2))) return 2;
        // "Aronne Semprini-Merola of Settimo Evremondo wrote": a person "of" a place.
        if (s.IsWord(i - 1, "of") && i >= 2 && s.Claimed[i - 2] && s.GapBefore(i - 1).SequenceEqual(" ") && PersonEndsAt(s, i - 2)) return 2;
        // "already left for X", "headed for X", "bound for X".
        if (s.IsWord(i - 1, "for") && i >= 2 && DepartVerbs.Contains(s.Word(i - 2))) return 2;
        if (!LocationWords.Contains(s.Word(i - 1))) return 0;
        if (s.IsWord(i - 1, "towards") || s.IsWord(i - 1, "toward") || s.IsWord(i - 1, "into")) return 2;
        // "from Ivanec to Vueli": "to" answering a "from" a few words back.
        if (s.IsWord(i - 1, "to")) for (var k = i - 2; k >= 0 && k >= i - 5; k--) if (s.IsWord(k, "from")) return 2;
        if (s.IsWord(i - 1, "to") && i >= 2 && TravelNouns.Contains(s.Word(i - 2))) return 2;
        if (i >= 2 && (StrongLocationVerbs.Contains(s.Word(i - 2)) || (i >= 3 && s.IsWord(i - 2, "up") && s.IsWord(i - 3, "grew")))) return 2;
        return s.IsWord(i - 1, "in") || s.IsWord(i - 1, "from") || s.IsWord(i - 1, "near") ? 2 : 1;
    }

    private static bool LocationEndsAt(NameScan s, int last)
    {
        foreach (var r in s.Results) if (r.Last == last && r.Entity == PiiEntities.Location) return true;
        return false;
    }

    private static bool PersonEndsAt(NameScan s, int last)
    {
        foreach (var r in s.Results) if (r.Last == last && r.Entity == PiiEntities.Person) return true;
        return false;
    }

    /// <summary>Organisation cue before token <paramref name="i"/>: "work for", "employed by", "joined".</summary>
    public static bool OrganizationBefore(NameScan s, int i)
    {
        if (i <= 0 || s.GapBefore(i).IndexOfAny(".\n!?") >= 0) return false;
        if (OrgVerbs.Contains(s.Word(i - 1)) && !s.IsWord(i - 1, "work")) return s.IsWord(i - 1, "joined") || s.IsWord(i - 1, "employer") || s.IsWord(i - 1, "company") || s.IsWord(i - 1, "firm")
            || s.IsWord(i - 1, "founded") || s.IsWord(i - 1, "cofounded") || s.IsWord(i - 1, "acquired");
        return (s.IsWord(i - 1, "for") || s.IsWord(i - 1, "at") || s.IsWord(i - 1, "by") || s.IsWord(i - 1, "of")) && i >= 2 && OrgVerbs.Contains(s.Word(i - 2));
    }
}
