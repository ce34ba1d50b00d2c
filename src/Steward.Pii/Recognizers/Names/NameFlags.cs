namespace Steward.Pii.Recognizers.Names;

/// <summary>What the gazetteer knows about a word or phrase, as bit flags (one per list; see Data/SOURCE.md for the codes).</summary>
[Flags]
internal enum NameFlags : uint
{
    None = 0,
    /// <summary>F: a given name.</summary>
    FirstName = 1u << 0,
    /// <summary>L: a surname.</summary>
    LastName = 1u << 1,
    /// <summary>H: a person's name of either kind.</summary>
    PeopleName = 1u << 2,
    /// <summary>C: a city, town or village.</summary>
    City = 1u << 3,
    /// <summary>B: a city of at least 100,000 people or a capital.</summary>
    BigCity = 1u << 4,
    /// <summary>K: a country.</summary>
    Country = 1u << 5,
    /// <summary>R: a state, province, county or region.</summary>
    Region = 1u << 6,
    /// <summary>A: a region's abbreviation (CA, NSW).</summary>
    RegionAbbreviation = 1u << 7,
    /// <summary>N: a nationality or demonym.</summary>
    Nationality = 1u << 8,
    /// <summary>E: a religion or religious group.</summary>
    Religion = 1u << 9,
    /// <summary>P: a political group.</summary>
    Political = 1u << 10,
    /// <summary>O: a word that ends an organisation's name (Inc, GmbH, Software).</summary>
    OrgSuffix = 1u << 11,
    /// <summary>Z: a word that starts "X of Y" organisation names (University, Bank).</summary>
    OrgPrefix = 1u << 12,
    /// <summary>G: a well-known organisation.</summary>
    KnownOrg = 1u << 13,
    /// <summary>S: a street-type word (road, rue, straße).</summary>
    StreetType = 1u << 14,
    /// <summary>V: a street name from faker locale data.</summary>
    StreetName = 1u << 15,
    /// <summary>U: an address unit word (apt, suite).</summary>
    Unit = 1u << 16,
    /// <summary>T: a title before a name (Mr, Dr).</summary>
    Title = 1u << 17,
    /// <summary>J: letters after a name (MD, Jr).</summary>
    PersonSuffix = 1u << 18,
    /// <summary>M: a month, weekday or holiday.</summary>
    Calendar = 1u << 19,
    /// <summary>Q: a word that starts place names (North, Port).</summary>
    CityPrefix = 1u << 20,
    /// <summary>W: a common English word.</summary>
    Common = 1u << 21,
    /// <summary>X (derived): ends like a street name (Nassaustraat, Ziegelgasse).</summary>
    StreetWord = 1u << 22,
    /// <summary>Y (derived): ends like a place name (Blaketown, Jessicaburgh).</summary>
    PlaceShape = 1u << 23,

    /// <summary>Any kind of person's name.</summary>
    AnyName = FirstName | LastName | PeopleName,
    /// <summary>Any kind of place.</summary>
    AnyPlace = City | BigCity | Country | Region,
    /// <summary>Nationalities, religions and political groups.</summary>
    AnyNrp = Nationality | Religion | Political,
}
