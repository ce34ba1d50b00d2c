namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// PERSON, LOCATION, NRP and ORGANIZATION without a model: gazetteers (names, places, nationalities, organisations,
/// street words; matched case- and diacritic-insensitively, multi-word entries with Aho–Corasick) and rules
/// (capitalisation, titles, cue phrases, address grammar). The rules run in order, each claiming its tokens:
/// addresses, titles and cue phrases, organisations, given name + surname, NRP, places, then lone names.
/// </summary>
public sealed class GazetteerNameRecognizer : Recognizer
{
    private static readonly string[] Entities = [PiiEntities.Person, PiiEntities.Location, PiiEntities.Nrp, PiiEntities.Organization];

    /// <summary>Creates the recognizer (its data loads on first use, once per process).</summary>
    public GazetteerNameRecognizer() : base("GazetteerNameRecognizer", Entities)
    {
    }

    /// <summary>Every rule starts from a word with letters.</summary>
    private protected override TextNeeds Requires => TextNeeds.Letter;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sink);
        if (!sink.Wants(PiiEntities.Person) && !sink.Wants(PiiEntities.Location) && !sink.Wants(PiiEntities.Nrp) && !sink.Wants(PiiEntities.Organization)) return;
        var tokens = context.TokenArray;
        if (!AnyWord(tokens)) return; // every rule starts from a word with letters: numbers alone ("12345", "2026-03-22") never make a name
        using var scan = NameScan.Rent(context.Text, tokens, Gazetteer.Default);
        scan.Explains = sink.Explains;
        AddressRules.Apply(scan);
        StreetMentions.Apply(scan);
        PersonRules.ApplyCued(scan);
        OrganizationRules.Apply(scan);
        PersonRules.ApplyFullNames(scan);
        NrpRules.Apply(scan, asLocation: !sink.Wants(PiiEntities.Nrp) && sink.Wants(PiiEntities.Location));
        PlaceRules.Apply(scan);
        PersonRules.ApplyLone(scan);
        PersonSpans.Apply(scan);
        foreach (var r in LocationMerger.Merge(scan))
        {
            var start = tokens[r.First].Start;
            var end = tokens[r.Last].Start + scan.CoreLength[r.Last];
            sink.Add(this, r.Entity, start, end, r.Score, r.Rule, validationResult: null,
                textualExplanation: sink.Explains ? ExplanationText.Of("Identified as {0} by the gazetteer and rules ({1})", r.Entity, r.Rule) : null);
        }
    }

    private static bool AnyWord(Steward.Pii.Text.Token[] tokens)
    {
        foreach (var t in tokens) if (t.Is(Steward.Pii.Text.TokenShape.HasLetter)) return true;
        return false;
    }
}
