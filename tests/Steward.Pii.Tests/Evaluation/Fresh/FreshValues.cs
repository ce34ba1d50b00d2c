using System.Globalization;
using System.Text;
using Bogus;

namespace Steward.Pii.Tests.Evaluation.Fresh;

/// <summary>
/// Values for the fresh check set: Bogus data of many locales, plus given names, surnames, towns and firms invented
/// from syllables (so no gazetteer holds them), name particles, organisation heads, phone numbers of the locale's
/// own formats and dates in many formats.
/// </summary>
internal sealed class FreshValues(Faker faker, Random random)
{
    private static readonly string[] Onsets = ["br", "k", "t", "v", "d", "g", "z", "fl", "m", "n", "s", "r", "h", "j", "p", "dr", "ch", "l"];
    private static readonly string[] Nuclei = ["a", "e", "i", "o", "u", "ai", "ou", "ia", "y", "ea"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "l", "k", "nd", "v", "th", "m", "x"];
    private static readonly string[] Particles = ["van der", "de", "da", "von", "al", "di", "ter", "dos", "le", "bin"];
    private static readonly string[] OrgHeads = ["Group", "Bank", "Labs", "Health", "Systems", "Partners", "Media", "Analytics", "Logistics", "Foods", "Capital", "Energy", "Studios", "Holdings", "Robotics", "Insurance", "Pharma", "Telecom", "Motors", "Airlines"];
    private static readonly string[] Demonyms =
    [
        "Argentinian", "Australian", "Austrian", "Bangladeshi", "Belgian", "Bolivian", "Brazilian", "Bulgarian", "Cambodian", "Chilean",
        "Colombian", "Croatian", "Cuban", "Danish", "Dutch", "Egyptian", "Estonian", "Ethiopian", "Filipino", "Finnish",
        "Ghanaian", "Greek", "Hungarian", "Icelandic", "Indonesian", "Iranian", "Irish", "Israeli", "Jamaican", "Jordanian",
        "Kazakh", "Lebanese", "Lithuanian", "Malaysian", "Mexican", "Moroccan", "Nepalese", "Nigerian", "Norwegian", "Pakistani",
        "Peruvian", "Portuguese", "Romanian", "Senegalese", "Serbian", "Slovak", "Somali", "Swedish", "Syrian", "Thai",
        "Tunisian", "Ugandan", "Ukrainian", "Uruguayan", "Venezuelan", "Vietnamese", "Welsh", "Zambian",
    ];
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "MMMM d, yyyy", "d MMMM yyyy", "dd.MM.yyyy", "d MMM yyyy", "MMM d, yyyy",
        "yyyy-MM-dd HH:mm", "MMMM yyyy", "dddd, MMMM d", "d MMMM", "MMMM d",
    ];

    /// <summary>A given name: the locale's, or invented.</summary>
    public string First() => random.NextDouble() < 0.2 ? Invented(2) : faker.Name.FirstName();

    /// <summary>A surname: the locale's, invented, with a particle, or double-barrelled.</summary>
    public string Last()
    {
        var roll = random.NextDouble();
        if (roll < 0.3) return Invented(2 + random.Next(2));
        if (roll < 0.36) return $"{Particles[random.Next(Particles.Length)]} {Capital(faker.Name.LastName())}";
        if (roll < 0.42) return $"{faker.Name.LastName()}-{faker.Name.LastName()}";
        return faker.Name.LastName();
    }

    /// <summary>A full name, sometimes with a middle name or initial.</summary>
    public string Person(string first, string last) => random.Next(8) switch
    {
        0 => $"{first} {First()} {last}",
        1 => $"{first} {(char)('A' + random.Next(26))}. {last}",
        _ => $"{first} {last}",
    };

    public string City() => random.NextDouble() < 0.3 ? InventedPlace() : faker.Address.City();

    public string Country() => faker.Address.Country();

    public string Region() => faker.Address.State();

    public string Street() => faker.Address.StreetName();

    public string Address() => random.Next(3) switch
    {
        0 => $"{faker.Address.StreetAddress()}, {City()}",
        1 => $"{faker.Address.StreetAddress(true)}, {faker.Address.ZipCode()} {City()}",
        _ => $"{faker.Address.StreetAddress()}, {City()}, {faker.Address.StateAbbr()} {faker.Address.ZipCode()}",
    };

    public string Block() => random.Next(2) == 0
        ? $"{faker.Address.StreetAddress()}\n{faker.Address.ZipCode()} {City()}\n{Country()}"
        : $"{faker.Address.StreetAddress(true)}\n{City()}, {faker.Address.StateAbbr()} {faker.Address.ZipCode()}";

    public string Organization() => faker.Company.CompanyName();

    /// <summary>An organisation without a legal suffix: an invented brand, alone or with a head word.</summary>
    public string PlainOrganization()
    {
        var brand = Invented(2 + random.Next(2));
        return random.Next(3) switch
        {
            0 => brand,
            1 => $"{brand} {OrgHeads[random.Next(OrgHeads.Length)]}",
            _ => $"{Capital(faker.Name.LastName())} {OrgHeads[random.Next(OrgHeads.Length)]}",
        };
    }

    public string Nrp()
    {
        var d = Demonyms[random.Next(Demonyms.Length)];
        return random.NextDouble() < 0.1 ? d.ToLowerInvariant() : d;
    }

    public string Phone()
    {
        var number = faker.Phone.PhoneNumber();
        var ext = number.IndexOf(" x", StringComparison.Ordinal);
        return ext > 0 ? number[..ext] : number;
    }

    public string Date()
    {
        var day = new DateTime(1950, 1, 1).AddDays(random.Next(365 * 80)).AddMinutes(random.Next(24 * 60));
        return day.ToString(DateFormats[random.Next(DateFormats.Length)], CultureInfo.InvariantCulture);
    }

    public string Email(string first, string last) => faker.Internet.Email(Ascii(first), Ascii(last));

    public string Title() => random.Next(5) switch { 0 => "Mr.", 1 => "Mrs.", 2 => "Dr", 3 => "Prof.", _ => "Ms." };

    private string InventedPlace()
    {
        var stem = Invented(2);
        return random.Next(4) switch { 0 => stem + "ville", 1 => stem + "ton", _ => stem };
    }

    private string Invented(int syllables)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < syllables; k++)
            sb.Append(Onsets[random.Next(Onsets.Length)]).Append(Nuclei[random.Next(Nuclei.Length)]).Append(k == syllables - 1 ? Codas[random.Next(Codas.Length)] : "");
        return Capital(sb.ToString());
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Ascii(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD)) if (c < 128 && char.IsLetter(c)) sb.Append(c);
        return sb.Length == 0 ? "user" : sb.ToString();
    }
}
