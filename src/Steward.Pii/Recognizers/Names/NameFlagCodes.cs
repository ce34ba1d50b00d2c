namespace Steward.Pii.Recognizers.Names;

/// <summary>Maps the one-letter list codes of the gazetteer data file to <see cref="NameFlags"/>.</summary>
internal static class NameFlagCodes
{
    /// <summary>The flags for the codes of one data line; unknown letters are ignored.</summary>
    public static NameFlags Parse(ReadOnlySpan<char> codes)
    {
        var flags = NameFlags.None;
        foreach (var c in codes) flags |= Of(c);
        return flags;
    }

    private static NameFlags Of(char code) => code switch
    {
        'F' => NameFlags.FirstName,
        'L' => NameFlags.LastName,
        'H' => NameFlags.PeopleName,
        'C' => NameFlags.City,
        'B' => NameFlags.BigCity | NameFlags.City,
        'K' => NameFlags.Country,
        'R' => NameFlags.Region,
        'A' => NameFlags.RegionAbbreviation,
        'N' => NameFlags.Nationality,
        'E' => NameFlags.Religion,
        'P' => NameFlags.Political,
        'O' => NameFlags.OrgSuffix,
        'Z' => NameFlags.OrgPrefix,
        'G' => NameFlags.KnownOrg,
        'S' => NameFlags.StreetType,
        'V' => NameFlags.StreetName,
        'U' => NameFlags.Unit,
        'T' => NameFlags.Title,
        'J' => NameFlags.PersonSuffix,
        'M' => NameFlags.Calendar,
        'Q' => NameFlags.CityPrefix,
        'W' => NameFlags.Common,
        'X' => NameFlags.StreetWord,
        'Y' => NameFlags.PlaceShape,
        _ => NameFlags.None,
    };
}
