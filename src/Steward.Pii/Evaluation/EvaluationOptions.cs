namespace Steward.Pii.Evaluation;

/// <summary>How a labelled dataset is scored.</summary>
public sealed class EvaluationOptions
{
    /// <summary>
    /// Dataset labels renamed to Steward's entity types before scoring: presidio-evaluator's defaults (ADDRESS to
    /// LOCATION, DOMAIN_NAME to URL, PREFIX to TITLE) plus common spellings in other datasets.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultLabelMap { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ADDRESS"] = PiiEntities.Location, ["STREET_ADDRESS"] = PiiEntities.Location, ["CITY"] = PiiEntities.Location,
        ["COUNTRY"] = PiiEntities.Location, ["STATE"] = PiiEntities.Location, ["GPE"] = PiiEntities.Location,
        ["LOC"] = PiiEntities.Location, ["FAC"] = PiiEntities.Location,
        ["DOMAIN_NAME"] = PiiEntities.Url, ["PREFIX"] = "TITLE",
        ["PER"] = PiiEntities.Person, ["NAME"] = PiiEntities.Person, ["FIRST_NAME"] = PiiEntities.Person, ["LAST_NAME"] = PiiEntities.Person,
        ["ORG"] = PiiEntities.Organization, ["COMPANY"] = PiiEntities.Organization,
        ["NORP"] = PiiEntities.Nrp, ["NATIONALITY"] = PiiEntities.Nrp,
        ["DATE"] = PiiEntities.DateTime, ["TIME"] = PiiEntities.DateTime, ["BIRTHDAY"] = PiiEntities.DateTime, ["DATE_OF_BIRTH"] = PiiEntities.DateTime,
        ["PHONE"] = PiiEntities.PhoneNumber, ["EMAIL"] = PiiEntities.EmailAddress, ["SSN"] = PiiEntities.UsSsn,
        ["CREDIT_CARD_NUMBER"] = PiiEntities.CreditCard, ["IBAN"] = PiiEntities.IbanCode, ["IP"] = PiiEntities.IpAddress,
    };

    /// <summary>Label renames; <see cref="DefaultLabelMap"/> by default.</summary>
    public IReadOnlyDictionary<string, string> LabelMap { get; init; } = DefaultLabelMap;

    /// <summary>Entity types scored; null scores every type that is both labelled in the data and reported by the analyzer.</summary>
    public IReadOnlyCollection<string>? Entities { get; init; }

    /// <summary>A predicted span counts as found at this intersection over union or more (0.9).</summary>
    public double MinOverlap { get; init; } = 0.9;

    /// <summary>Predictions scoring below this are ignored (0.4).</summary>
    public double ScoreThreshold { get; init; } = 0.4;

    /// <summary>
    /// Merge spans of the same type separated only by whitespace and punctuation, in the gold data and in the
    /// predictions alike (true). Datasets often label one address as several adjacent spans.
    /// </summary>
    public bool MergeAdjacent { get; init; } = true;

    /// <summary>How many missed and spurious spans per type the report keeps as examples (0).</summary>
    public int ErrorExamples { get; init; }

    /// <summary>The F-score's beta (2: recall weighs four times precision).</summary>
    public double Beta { get; init; } = 2;
}
